package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepFailure;
import java.math.BigInteger;
import java.util.Map;

/** The {@code {"result": <integer>}} shape every math step produces and reads from its parents. */
final class MathResults {

    static final String FIELD = "result";

    private MathResults() {
    }

    /** Written as a JSON integer of any size, so results past 64 bits stay exact for the next step. */
    static ObjectNode of(BigInteger value) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set(FIELD, JsonNodeFactory.instance.numberNode(value));
        return node;
    }

    /**
     * The integer a parent step produced. Anything else means the template wired this step to a parent that is
     * not a math step, which no retry can fix.
     */
    static BigInteger read(Map.Entry<String, JsonNode> parent) {
        JsonNode result = parent.getValue() == null ? null : parent.getValue().get(FIELD);
        if (result == null || !result.isIntegralNumber()) {
            throw StepFailure.permanent("invalid_input", "parent step '" + parent.getKey()
                    + "' must produce an integer '" + FIELD + "', got "
                    + JsonValues.describe(parent.getValue()));
        }
        return result.bigIntegerValue();
    }
}
