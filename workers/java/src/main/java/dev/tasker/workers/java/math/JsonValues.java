package dev.tasker.workers.java.math;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders input values for error messages without letting a huge input flood the step's error. */
final class JsonValues {

    private static final int MAX_CHARS = 80;

    private JsonValues() {
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        String json = value.toString();
        return json.length() <= MAX_CHARS ? json : json.substring(0, MAX_CHARS) + "... (" + json.length() + " chars)";
    }
}
