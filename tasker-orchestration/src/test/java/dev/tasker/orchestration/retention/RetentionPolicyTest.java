package dev.tasker.orchestration.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check of tasker.retention: every bad value named with what it got, good ones taken as they are. */
class RetentionPolicyTest {

    private record Settings(boolean enabled, Duration maxAge, int batchSize, Duration interval)
            implements RetentionConfig {
    }

    @Test
    void theDefaultsAreAccepted() {
        RetentionPolicy policy = RetentionPolicy.of(new Settings(false, Duration.ofDays(30), 500, Duration.ofMinutes(1)));

        assertThat(policy).isEqualTo(new RetentionPolicy(false, Duration.ofDays(30), 500, Duration.ofMinutes(1)));
    }

    @Test
    void theBatchSizeLimitsAreInclusive() {
        assertThat(RetentionPolicy.of(new Settings(true, Duration.ofHours(1), 1, Duration.ofSeconds(2))).batchSize())
                .isEqualTo(1);
        assertThat(RetentionPolicy.of(new Settings(true, Duration.ofHours(1), 10_000, Duration.ofSeconds(2)))
                .batchSize()).isEqualTo(10_000);
    }

    @Test
    void everyUnusableValueIsNamedInOneMessage() {
        assertThatThrownBy(() -> RetentionPolicy.of(new Settings(true, Duration.ZERO, 10_001, Duration.ofSeconds(-1))))
                .isInstanceOf(InvalidRetentionConfigException.class)
                .hasMessage("invalid tasker.retention configuration: "
                        + "tasker.retention.max-age must be positive (e.g. 30d, 12h), got PT0S; "
                        + "tasker.retention.batch-size must be between 1 and 10000, got 10001; "
                        + "tasker.retention.interval must be positive (e.g. 1m, 30s), got PT-1S");
    }

    @Test
    void badValuesStopTheServiceEvenWhileRetentionIsOff() {
        assertThatThrownBy(() -> RetentionPolicy.of(new Settings(false, Duration.ofDays(-1), 0, Duration.ofMinutes(1))))
                .isInstanceOf(InvalidRetentionConfigException.class)
                .hasMessage("invalid tasker.retention configuration: "
                        + "tasker.retention.max-age must be positive (e.g. 30d, 12h), got PT-24H; "
                        + "tasker.retention.batch-size must be between 1 and 10000, got 0");
    }
}
