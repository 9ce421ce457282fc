package dev.tasker.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonSyntaxErrorTest {

    private final ObjectMapper json = new ObjectMapper();

    private String describe(String text) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> json.readTree(text));
        assertThat(e).as("parsing %s", text).isNotNull();
        return JsonSyntaxError.describe(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"a": [1,2        | line 1, column 11: the JSON ends before an array is closed: expected ']' (opened at line 1, column 7)
            {"a": {"b": 1     | line 1, column 14: the JSON ends before an object is closed: expected '}' (opened at line 1, column 7)
            {"a":             | line 1, column 6: the JSON ends inside an object: expected '}'
            {a: 1}            | line 1, column 2: unexpected character ('a'): was expecting double-quote to start field name
            "\u0001"         | line 1, column 2: an illegal control character: has to be escaped using backslash to be included in string value
            {"a": tru}        | line 1, column 7: unrecognized word 'tru': was expecting a string, number, array, object, true, false or null
            """)
    void saysWhereAndWhatWasExpected(String text, String expected) {
        assertThat(describe(text)).isEqualTo(expected);
    }

    @Test
    void nestingPastTheParsersLimitNamesTheLimit() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        assertThat(describe(deep)).isEqualTo("it is nested 1001 levels deep, more than the limit of 1000");
    }

    @Test
    void noMessageNamesJacksonsInternals() {
        for (String text : new String[] {"{\"a\": [1,2", "[".repeat(1001), "{\"a\": \"x", "{\"a\" 1}", "\u0001"}) {
            assertThat(describe(text)).doesNotContain("Source", "REDACTED", "StreamRead", "`", "code ");
        }
    }
}
