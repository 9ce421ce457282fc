package dev.tasker.workers.java.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlakyStepTest {

    private final FlakyStep handler = new FlakyStep();

    private JsonNode attempt(String taskContext, int attempt) {
        return handler.handle(StepContexts.of("flaky_step", Json.parse(taskContext), Map.of(), attempt));
    }

    private StepFailure failure(String taskContext, int attempt) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> attempt(taskContext, attempt));
        assertThat(failure).as("attempt %d of %s fails", attempt, taskContext).isNotNull();
        return failure;
    }

    @Test
    void failsRetryablyOnTheFirstFailTimesAttemptsThenSucceeds() {
        for (int attempt = 1; attempt <= 2; attempt++) {
            StepFailure failure = failure("{\"fail_times\": 2}", attempt);
            assertThat(failure.retryable()).isTrue();
            assertThat(failure.errorType()).isEqualTo("transient_error");
            assertThat(failure.getMessage()).contains("attempt " + attempt + " of fail_times 2");
        }
        assertThat(attempt("{\"fail_times\": 2}", 3)).isEqualTo(Json.parse("{\"attempts\": 3}"));
    }

    @Test
    void failTimesDefaultsToTwo() {
        assertThat(failure("{}", 2).retryable()).isTrue();
        assertThat(attempt("{}", 3)).isEqualTo(Json.parse("{\"attempts\": 3}"));
    }

    @Test
    void zeroFailTimesSucceedsAtOnce() {
        assertThat(attempt("{\"fail_times\": 0}", 1)).isEqualTo(Json.parse("{\"attempts\": 1}"));
    }

    @Test
    void moreFailuresThanTheRetryLimitStillFailOnTheLastAttempt() {
        assertThat(failure("{\"fail_times\": 5}", 3).retryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"2\"", "1.5", "true", "1001", "10000000000"})
    void refusesABadFailTimes(String value) {
        StepFailure failure = failure("{\"fail_times\": " + value + "}", 1);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("fail_times must be an integer from 0 to 1000", "got " + value);
    }
}
