package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigInteger;
import java.util.Locale;

/** First step of every math workflow: squares the task's {@code even_number}, the only place it is checked. */
@ApplicationScoped
@Named(SquareInput.NAME)
public class SquareInput implements StepHandler {

    public static final String NAME = "math.square_input";
    static final String FIELD = "even_number";
    static final BigInteger MIN = BigInteger.TWO;
    static final BigInteger MAX = BigInteger.valueOf(100);

    private static final String RULE = "must be an even JSON integer from " + MIN + " to " + MAX;

    @Override
    public JsonNode handle(StepContext context) {
        Pacing.pause(context);
        BigInteger n = evenNumber(context.taskContext());
        return MathResults.of(n.pow(2));
    }

    /**
     * Strict on the JSON type: "6" or 6.0 are refused rather than coerced, so a client's encoding mistake shows
     * up as a clear error on the first step instead of a silently different task.
     */
    private static BigInteger evenNumber(JsonNode taskContext) {
        JsonNode value = taskContext.get(FIELD);
        if (value == null || value.isNull()) {
            throw invalid(FIELD + " is missing from the task context; it " + RULE);
        }
        if (!value.isIntegralNumber()) {
            throw invalid(FIELD + " " + RULE + ", got " + JsonValues.describe(value) + " (" + kind(value) + ")");
        }
        BigInteger n = value.bigIntegerValue();
        if (n.compareTo(MIN) < 0 || n.compareTo(MAX) > 0 || n.testBit(0)) {
            throw invalid(FIELD + " " + RULE + ", got " + n);
        }
        return n;
    }

    private static String kind(JsonNode value) {
        if (value.isNumber()) {
            return "a number with a decimal part or point";
        }
        return "a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static StepFailure invalid(String message) {
        return StepFailure.permanent("validation_error", message);
    }
}
