package dev.tasker.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = RetryPolicy.standard(3);

    @Test
    void backoffDoublesWithJitterInItsUpperHalfAndIsCapped() {
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.backoff(1, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
        assertThat(policy.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoff(10, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(64, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void limitsAreChecked() {
        assertThatThrownBy(() -> RetryPolicy.standard(11)).hasMessageContaining("max retries must be 0..10");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("backoff");
    }
}
