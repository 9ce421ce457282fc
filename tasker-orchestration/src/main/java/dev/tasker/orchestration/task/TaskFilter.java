package dev.tasker.orchestration.task;

import dev.tasker.api.state.TaskState;
import java.time.Instant;

/** The filters of {@code GET /v1/tasks}; null means "any". */
public record TaskFilter(String namespace, String name, TaskState status, String initiator, String sourceSystem,
        String correlationId, String tag, Instant createdAfter, Instant createdBefore) {
}
