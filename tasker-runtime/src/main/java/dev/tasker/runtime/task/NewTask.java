package dev.tasker.runtime.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.template.TaskTemplate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A task to store: its template (as registered, with its id) and its context merged over the template's defaults,
 * with the request's optional metadata (null where the request had none).
 */
public record NewTask(UUID taskUuid, UUID namedTaskUuid, TaskTemplate template, JsonNode context, String initiator,
        String sourceSystem, String reason, List<String> tags, int priority, String correlationId,
        String idempotencyKey, String requestHash) {

    public NewTask {
        Objects.requireNonNull(taskUuid, "taskUuid");
        Objects.requireNonNull(namedTaskUuid, "namedTaskUuid");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(correlationId, "correlationId");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A task without request metadata: a correlation id of its own, no tags, priority 0. */
    public static NewTask of(UUID taskUuid, UUID namedTaskUuid, TaskTemplate template, JsonNode context) {
        return new NewTask(taskUuid, namedTaskUuid, template, context, null, null, null, List.of(), 0,
                taskUuid.toString(), null, null);
    }
}
