package dev.tasker.workers.java.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacingTest {

    private static JsonNode square(String handlerConfig) {
        return new SquareInput().handle(StepContexts.withConfig("linear_step_1", Json.parse("{\"even_number\": 6}"),
                Map.of(), 1, handlerConfig == null ? null : Json.parse(handlerConfig)));
    }

    @Test
    void aPausedStepWaitsAtLeastItsPauseAndComputesTheSameResult() {
        long start = System.nanoTime();
        JsonNode result = square("{\"pause_ms\": 30}");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMs).isGreaterThanOrEqualTo(30);
        assertThat(result.get("result").bigIntegerValue()).isEqualTo(BigInteger.valueOf(36));
    }

    @Test
    void withoutAPauseTheConfigIsOptional() {
        assertThat(square(null).get("result").intValue()).isEqualTo(36);
        assertThat(square("{}").get("result").intValue()).isEqualTo(36);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1001", "\"20\"", "2.5"})
    void anInvalidPauseIsAPermanentTemplateError(String pause) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> square("{\"pause_ms\": " + pause + "}"));

        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_handler_config");
        assertThat(failure.getMessage()).contains("pause_ms", "0 to 1000");
    }
}
