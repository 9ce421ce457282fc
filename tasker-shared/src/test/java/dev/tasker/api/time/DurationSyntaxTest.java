package dev.tasker.api.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSyntaxTest {

    @Test
    void readsAWholeNumberWithAUnitABareNumberAsSecondsAndIso8601() {
        assertThat(DurationSyntax.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(DurationSyntax.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(DurationSyntax.parse("30")).contains(Duration.ofSeconds(30));
        assertThat(DurationSyntax.parse("2m")).contains(Duration.ofMinutes(2));
        assertThat(DurationSyntax.parse("1h")).contains(Duration.ofHours(1));
        assertThat(DurationSyntax.parse("7d")).contains(Duration.ofDays(7));
        assertThat(DurationSyntax.parse("PT30S")).contains(Duration.ofSeconds(30));
        assertThat(DurationSyntax.parse("pt1m30s")).contains(Duration.ofSeconds(90));
        assertThat(DurationSyntax.parse("P1D")).contains(Duration.ofDays(1));
        assertThat(DurationSyntax.parse("PT0.5S")).contains(Duration.ofMillis(500));
    }

    @Test
    void ignoresSurroundingSpaceAndKeepsZeroForTheCallerToJudge() {
        assertThat(DurationSyntax.parse(" 2m ")).contains(Duration.ofMinutes(2));
        assertThat(DurationSyntax.parse("0")).contains(Duration.ZERO);
        assertThat(DurationSyntax.parse("PT0S")).contains(Duration.ZERO);
    }

    @Test
    void refusesEverythingElse() {
        for (String text : new String[] {null, "", "soon", "-1s", "PT-1S", "1.5s", "2 m", "30S", "1w", "ms",
                "1234567890s", "P", "PTxS"}) {
            assertThat(DurationSyntax.parse(text)).as(String.valueOf(text)).isEmpty();
        }
    }
}
