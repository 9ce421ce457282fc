package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromTheBaseUpToTheCap() {
        assertThat(Backoff.ceilingMillis(1, 100, 1000)).isEqualTo(100);
        assertThat(Backoff.ceilingMillis(2, 100, 1000)).isEqualTo(200);
        assertThat(Backoff.ceilingMillis(3, 100, 1000)).isEqualTo(400);
        assertThat(Backoff.ceilingMillis(4, 100, 1000)).isEqualTo(800);
        assertThat(Backoff.ceilingMillis(5, 100, 1000)).isEqualTo(1000);
        assertThat(Backoff.ceilingMillis(60, 2000, 30_000)).isEqualTo(30_000);
        assertThat(Backoff.ceilingMillis(3, 0, 1000)).isZero();
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheCeilingAndVaries() {
        RandomGenerator random = new SplittableRandom(42);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            long d = Backoff.delay(3, 100, 1000, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isGreaterThanOrEqualTo(200).isLessThan(220);
        assertThat(max).isLessThanOrEqualTo(400).isGreaterThan(380);
        assertThat(Backoff.delay(1, 0, 0, random)).isEqualTo(Duration.ZERO);
    }
}
