package dev.tasker.orchestration.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.runtime.web.ApiException;
import dev.tasker.runtime.web.JsonLimits;
import java.util.List;
import java.util.regex.Pattern;

/** What a task request must satisfy before anything is stored; each refusal names the field. */
final class TaskRequestRules {

    static final int MAX_TAGS = 32;
    static final int MAX_TAG_LENGTH = 64;
    static final int MAX_TEXT = 255;
    static final int MAX_REASON = 2000;
    static final int MAX_PRIORITY = 1000;
    private static final Pattern NAME = TemplateValidator.NAME;

    private TaskRequestRules() {
    }

    static void check(TaskRequest r) {
        if (r == null) {
            throw ApiException.badRequest("request body is required: {\"namespace\", \"name\", \"context\", ...}");
        }
        required("namespace", r.namespace());
        if (!TemplateValidator.NAMESPACE.matcher(r.namespace()).matches()) {
            throw ApiException.badRequest("namespace '" + r.namespace() + "' must be 1-64 characters of a-z, 0-9 and _");
        }
        required("name", r.name());
        if (!NAME.matcher(r.name()).matches()) {
            throw ApiException.badRequest("name '" + r.name() + "' must be 1-128 characters of letters, digits, '_', '.' and '-'");
        }
        if (r.version() != null && !TemplateValidator.VERSION.matcher(r.version()).matches()) {
            throw ApiException.badRequest("version '" + r.version() + "' must look like 1.0.0");
        }
        JsonNode context = r.context();
        if (context != null && !context.isNull() && !context.isObject()) {
            throw ApiException.badRequest("context must be a JSON object, got " + kind(context));
        }
        JsonLimits.check("context", context);
        optionalText("initiator", r.initiator(), MAX_TEXT);
        optionalText("source_system", r.sourceSystem(), MAX_TEXT);
        optionalText("reason", r.reason(), MAX_REASON);
        optionalText("correlation_id", r.correlationId(), MAX_TEXT);
        optionalText("idempotency_key", r.idempotencyKey(), MAX_TEXT);
        List<String> tags = r.tags();
        if (tags != null) {
            if (tags.size() > MAX_TAGS) {
                throw ApiException.badRequest("tags: at most " + MAX_TAGS + " tags, got " + tags.size());
            }
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i);
                if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                    throw ApiException.badRequest("tags[" + i + "] must be a non-blank string of at most "
                            + MAX_TAG_LENGTH + " characters");
                }
            }
        }
        if (r.priority() != null && Math.abs(r.priority()) > MAX_PRIORITY) {
            throw ApiException.badRequest("priority must be from -" + MAX_PRIORITY + " to " + MAX_PRIORITY
                    + ", got " + r.priority());
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
    }

    private static void optionalText(String field, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            throw ApiException.badRequest(field + " must be a non-blank string of at most " + max + " characters");
        }
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
