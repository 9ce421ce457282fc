package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Map;

/** A step in a chain: squares the result of its one parent. */
@ApplicationScoped
@Named(SquareParent.NAME)
public class SquareParent implements StepHandler {

    public static final String NAME = "math.square_parent";

    @Override
    public JsonNode handle(StepContext context) {
        Pacing.pause(context);
        Map<String, JsonNode> parents = context.parentResults();
        if (parents.size() != 1) {
            // Which parent to square would be a guess: the template is wrong, not the data.
            throw StepFailure.permanent("invalid_input", "step '" + context.stepName() + "' (" + NAME
                    + ") needs exactly one parent result, got " + parents.size() + " " + parents.keySet());
        }
        return MathResults.of(MathResults.read(parents.entrySet().iterator().next()).pow(2));
    }
}
