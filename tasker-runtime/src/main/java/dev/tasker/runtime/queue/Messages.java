package dev.tasker.runtime.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * The message shapes. Messages carry ids only: state and results live in the step rows.
 * Step queues: {@code {task_uuid, step_uuid}}. Results queue: {@code {kind: step_result, task_uuid, step_uuid}}
 * or {@code {kind: evaluate_task, task_uuid}} (delayed for retries, or sent by the sweeper to resume a task).
 */
public final class Messages {

    public static final String STEP_RESULT = "step_result";
    public static final String EVALUATE_TASK = "evaluate_task";

    private Messages() {
    }

    public static ObjectNode evaluateTask(UUID task) {
        return JsonNodeFactory.instance.objectNode().put("kind", EVALUATE_TASK).put("task_uuid", task.toString());
    }

    public static String kind(JsonNode message) {
        return message.path("kind").asText(STEP_RESULT);
    }

    public static UUID taskUuid(JsonNode message) {
        return uuid(message, "task_uuid");
    }

    public static UUID stepUuid(JsonNode message) {
        return uuid(message, "step_uuid");
    }

    private static UUID uuid(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("message has no " + field + ": " + message);
        }
        return UUID.fromString(value.asText());
    }
}
