package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/** A convergence step: squares the product of all its parents' results. */
@ApplicationScoped
@Named(SquareProductOfParents.NAME)
public class SquareProductOfParents implements StepHandler {

    public static final String NAME = "math.square_product_of_parents";

    @Override
    public JsonNode handle(StepContext context) {
        Map<String, JsonNode> parents = context.parentResults();
        if (parents.isEmpty()) {
            // An empty product would quietly yield 1; a convergence step without parents is a template mistake.
            throw StepFailure.permanent("invalid_input", "step '" + context.stepName() + "' (" + NAME
                    + ") needs at least one parent result, got none");
        }
        BigInteger product = BigInteger.ONE;
        // Sorted so that, when several parents are bad, the error always names the same one.
        for (Map.Entry<String, JsonNode> parent : new TreeMap<>(parents).entrySet()) {
            product = product.multiply(MathResults.read(parent));
        }
        return MathResults.of(product.pow(2));
    }
}
