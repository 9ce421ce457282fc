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

class SquareProductOfParentsTest {

    private final SquareProductOfParents handler = new SquareProductOfParents();

    private JsonNode run(Map<String, JsonNode> parents) {
        return handler.handle(StepContexts.of("diamond_end", Json.parse("{}"), parents));
    }

    @Test
    void squaresTheProductOfEveryParent() {
        JsonNode result = run(Map.of(
                "a", Json.parse("{\"result\": 2}"),
                "b", Json.parse("{\"result\": 3}"),
                "c", Json.parse("{\"result\": 5}")));

        assertThat(result.get("result").bigIntegerValue()).isEqualTo(BigInteger.valueOf(900)); // (2*3*5)^2
    }

    @Test
    void aSingleParentIsJustSquared() {
        assertThat(run(Map.of("a", Json.parse("{\"result\": 7}"))).get("result").intValue()).isEqualTo(49);
    }

    @Test
    void refusesNoParents() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run(Map.of()));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_input");
        assertThat(failure.getMessage()).contains("diamond_end", "at least one parent");
    }

    @Test
    void namesTheParentWithoutAnIntegerResult() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run(Map.of(
                "diamond_branch_b", Json.parse("{\"result\": 1296}"),
                "diamond_branch_c", Json.parse("{\"value\": 1296}"))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_input");
        assertThat(failure.getMessage()).contains("diamond_branch_c", "integer 'result'");
    }
}
