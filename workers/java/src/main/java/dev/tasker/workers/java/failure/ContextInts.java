package dev.tasker.workers.java.failure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;

/** Reads the small integer knobs the failure workflows take from the task context. */
final class ContextInts {

    private ContextInts() {
    }

    /**
     * The field's value, or {@code fallback} when it is absent or null (the template's default_context normally
     * supplies it). A value outside {@code min..max} or not a JSON integer is a permanent validation_error.
     */
    static int read(JsonNode taskContext, String field, int fallback, int min, int max) {
        JsonNode value = taskContext.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            String shown = value.toString();
            throw StepFailure.permanent("validation_error", field + " must be an integer from " + min + " to " + max
                    + ", got " + (shown.length() <= 40 ? shown : shown.substring(0, 40) + "..."));
        }
        return value.intValue();
    }
}
