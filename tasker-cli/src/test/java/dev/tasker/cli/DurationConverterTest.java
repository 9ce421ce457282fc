package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The grammar itself is DurationSyntaxTest's; here what the CLI adds: positive only, and its wording. */
class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheSharedSyntax() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void refusesNonsenseAndZero() {
        assertThatThrownBy(() -> converter.convert("soon")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration").hasMessageContaining("500ms");
        assertThatThrownBy(() -> converter.convert("-1s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("0")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("positive");
    }
}
