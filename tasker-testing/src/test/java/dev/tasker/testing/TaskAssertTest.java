package dev.tasker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.client.json.JsonMappers;
import org.junit.jupiter.api.Test;

class TaskAssertTest {

    private final ObjectMapper json = JsonMappers.json();

    private JsonNode parse(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void numbersAreComparedByValueAtAnyDepth() throws Exception {
        assertThat(TaskAssert.same(parse("{\"total\": 12.5, \"lines\": [{\"price\": 1}]}"),
                parse("{\"lines\": [{\"price\": 1.00}], \"total\": 12.50}"))).isTrue();
    }

    @Test
    void aDifferentValueAMissingFieldOrAnExtraOneIsNotTheSame() throws Exception {
        assertThat(TaskAssert.same(parse("{\"vat\": 12.34}"), parse("{\"vat\": 11.69}"))).isFalse();
        assertThat(TaskAssert.same(parse("{\"vat\": 12.34, \"total\": 1}"), parse("{\"vat\": 12.34}"))).isFalse();
        assertThat(TaskAssert.same(parse("{\"vat\": 12.34}"), parse("{\"vat\": 12.34, \"total\": 1}"))).isFalse();
        assertThat(TaskAssert.same(parse("[1, 2]"), parse("[2, 1]"))).isFalse();
        assertThat(TaskAssert.same(parse("\"12.34\""), parse("12.34"))).as("a string is not a number").isFalse();
        assertThat(TaskAssert.same(null, parse("null"))).isTrue();
    }
}
