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

class SquareParentTest {

    private final SquareParent handler = new SquareParent();

    private JsonNode run(Map<String, JsonNode> parents) {
        return handler.handle(StepContexts.of("linear_step_2", Json.parse("{}"), parents));
    }

    private static StepFailure invalidInput(Runnable call) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, call::run);
        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_input");
        return failure;
    }

    @Test
    void squaresTheOnlyParentBeyondSixtyFourBits() {
        JsonNode result = run(Map.of("linear_step_1", Json.parse("{\"result\": 10000000000000000}")));

        assertThat(result.get("result").bigIntegerValue()).isEqualTo(new BigInteger("1" + "0".repeat(32)));
    }

    @Test
    void refusesNoParent() {
        assertThat(invalidInput(() -> run(Map.of())).getMessage()).contains("exactly one parent", "got 0");
    }

    @Test
    void refusesTwoParents() {
        StepFailure failure = invalidInput(() -> run(Map.of(
                "a", Json.parse("{\"result\": 2}"), "b", Json.parse("{\"result\": 4}"))));

        assertThat(failure.getMessage()).contains("exactly one parent", "got 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"result\": \"36\"}", "{\"result\": 36.5}", "{\"result\": null}", "[36]"})
    void refusesAParentWithoutAnIntegerResult(String parentResult) {
        StepFailure failure = invalidInput(() -> run(Map.of("linear_step_1", Json.parse(parentResult))));

        assertThat(failure.getMessage()).contains("linear_step_1", "integer 'result'");
    }
}
