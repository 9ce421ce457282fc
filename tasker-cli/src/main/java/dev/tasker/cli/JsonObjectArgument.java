package dev.tasker.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.json.JsonSyntaxError;

/** A JSON object given on the command line ({@code --input}, {@code --result}), checked before anything is sent. */
public final class JsonObjectArgument {

    private JsonObjectArgument() {
    }

    /**
     * The object in {@code text}; otherwise a usage error naming {@code where} (e.g. "--input"), what is wrong in
     * the user's terms, and {@code example}.
     */
    public static JsonNode parse(ObjectMapper json, String where, String text, String example) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new CliException(ExitCodes.USAGE, where + " is not valid JSON: " + JsonSyntaxError.describe(e)
                    + " (" + example + ")");
        }
        if (node == null || !node.isObject()) {
            throw new CliException(ExitCodes.USAGE, where + " must be a JSON object, got "
                    + (node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase())
                    + " (" + example + ")");
        }
        return node;
    }
}
