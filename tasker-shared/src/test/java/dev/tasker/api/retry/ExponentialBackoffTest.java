package dev.tasker.api.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void doublesFromTheBaseUpToTheCap() {
        ExponentialBackoff backoff = new ExponentialBackoff(ms(100), ms(1000), false);
        assertThat(backoff.delay(1)).isEqualTo(ms(100));
        assertThat(backoff.delay(2)).isEqualTo(ms(200));
        assertThat(backoff.delay(4)).isEqualTo(ms(800));
        assertThat(backoff.delay(5)).isEqualTo(ms(1000));
        assertThat(backoff.delay(1000)).isEqualTo(ms(1000));
        assertThat(backoff.delay(0)).as("before any retry: the base").isEqualTo(ms(100));
    }

    @Test
    void neverOverflowsAndAZeroBaseNeverWaits() {
        assertThat(new ExponentialBackoff(ms(3), Duration.ofDays(365_000), false).delay(Integer.MAX_VALUE))
                .isPositive().isLessThanOrEqualTo(Duration.ofDays(365_000));
        assertThat(new ExponentialBackoff(Duration.ZERO, ms(1000), true).delay(7, 0.9)).isZero();
    }

    @Test
    void jitterPicksBetweenHalfAndAllOfTheWait() {
        ExponentialBackoff backoff = new ExponentialBackoff(ms(100), ms(2000), true);
        assertThat(backoff.delay(3, 0.0)).isEqualTo(ms(200));
        assertThat(backoff.delay(3, 0.5)).isEqualTo(ms(300));
        assertThat(backoff.delay(3, 0.9999)).isEqualTo(ms(400));
        assertThat(backoff.ceiling(3)).isEqualTo(ms(400));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(10)).isBetween(ms(1000), ms(2000));
        }
    }

    @Test
    void refusesABaseAboveTheCap() {
        assertThatThrownBy(() -> new ExponentialBackoff(ms(2000), ms(1000), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
        assertThatThrownBy(() -> new ExponentialBackoff(ms(-1), ms(1000), false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
