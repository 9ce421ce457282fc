package dev.tasker.workers.java.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermanentFailureStepTest {

    private final PermanentFailureStep handler = new PermanentFailureStep();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void alwaysFailsPermanently(int attempt) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> handler.handle(
                StepContexts.of("permanent_failure_step", Json.parse("{}"), Map.of(), attempt)));

        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("permanent_error");
        assertThat(failure.getMessage()).isEqualTo("this step always fails permanently");
    }
}
