package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Body of {@code POST /v1/tasks}. Only namespace and name are required; {@code version} defaults to the newest
 * registered version, {@code context} to {@code {}} (merged over the template's default_context),
 * {@code correlation_id} to a generated one. A repeat with the same {@code idempotency_key} and the same request
 * returns the original task; the same key with a different request is a conflict.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRequest(String namespace, String name, String version, JsonNode context, String initiator,
        String sourceSystem, String reason, List<String> tags, Integer priority, String correlationId,
        String idempotencyKey) {

    public static TaskRequest of(String namespace, String name, JsonNode context) {
        return new TaskRequest(namespace, name, null, context, null, null, null, null, null, null, null);
    }

    public TaskRequest withIdempotencyKey(String key) {
        return new TaskRequest(namespace, name, version, context, initiator, sourceSystem, reason, tags, priority,
                correlationId, key);
    }
}
