package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    @Test
    void uuidsAreCheckedWithAnExample() {
        UUID id = UUID.randomUUID();
        assertThat(new UuidConverter().convert(" " + id + " ")).isEqualTo(id);
        assertThatThrownBy(() -> new UuidConverter().convert("1-2-3-4-5")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'1-2-3-4-5' is not a task id");
    }

    @Test
    void sinceTakesAnAgeATimeOrADate() {
        Instant now = Instant.parse("2026-02-01T10:00:00Z");
        SinceConverter since = new SinceConverter(Clock.fixed(now, ZoneOffset.UTC));

        assertThat(since.convert("30m")).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(since.convert("2h")).isEqualTo(now.minus(Duration.ofHours(2)));
        assertThat(since.convert("7d")).isEqualTo(now.minus(Duration.ofDays(7)));
        assertThat(since.convert("2026-01-31T12:00:00Z")).isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
        assertThat(since.convert("2026-01-31")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThatThrownBy(() -> since.convert("yesterday")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("neither an age");
    }
}
