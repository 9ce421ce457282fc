package dev.tasker.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * Limits on the free-form JSON a client hands in (a task's context, a step's resolution data). Both are
 * stored, copied into every step message and handed to every handler, so a 1 MB body limit alone would let one
 * request multiply into many megabytes of queue traffic; and deep nesting costs recursion in every reader.
 */
public final class JsonLimits {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 32;

    private JsonLimits() {
    }

    /** @throws ApiException 400 when nested deeper than {@link #MAX_DEPTH}, 413 when larger than {@link #MAX_BYTES} */
    public static void check(String field, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (depth(value) > MAX_DEPTH) {
            throw ApiException.badRequest(field + " is nested deeper than " + MAX_DEPTH + " levels");
        }
        int bytes = serializedBytes(value);
        if (bytes > MAX_BYTES) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, field + " is " + bytes + " bytes as JSON, more than "
                    + "the limit of " + MAX_BYTES + " bytes");
        }
    }

    static int serializedBytes(JsonNode value) {
        return value.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    static int depth(JsonNode node) {
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return node.isContainerNode() ? deepest + 1 : 0;
    }
}
