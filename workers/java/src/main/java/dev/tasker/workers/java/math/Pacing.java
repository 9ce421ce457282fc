package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;

/**
 * An optional pause before a math step computes, from the step's {@code handler_config.pause_ms} (0 when absent).
 * A step takes about a millisecond otherwise, faster than tasks can be created: the fault tests use a paced
 * template (linear_workflow/paced_sequence) so that a fault reliably meets tasks still running.
 */
final class Pacing {

    static final String FIELD = "pause_ms";
    static final int MAX_PAUSE_MS = 1000;

    private Pacing() {
    }

    static void pause(StepContext context) {
        JsonNode config = context.handlerConfig();
        JsonNode value = config == null ? null : config.get(FIELD);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0
                || value.intValue() > MAX_PAUSE_MS) {
            // The template is wrong, not the data: retrying cannot help.
            throw StepFailure.permanent("invalid_handler_config", "handler_config." + FIELD + " of step '"
                    + context.stepName() + "' must be an integer from 0 to " + MAX_PAUSE_MS + ", got " + value);
        }
        try {
            Thread.sleep(value.intValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StepFailure.retryable("interrupted", "step '" + context.stepName() + "' was interrupted during its "
                    + value.intValue() + " ms pause");
        }
    }
}
