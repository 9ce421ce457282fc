package dev.tasker.orchestration.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.web.ApiException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The filters of {@code GET /v1/tasks}; null means "any". */
public record TaskFilter(String namespace, String name, TaskState status, String initiator, String sourceSystem,
        String correlationId, String tag, Instant createdAfter, Instant createdBefore) {

    /** A status filter as the API takes it: blank is "any", anything but a task state is a 400 naming the states. */
    static TaskState status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return TaskState.parse(status.trim()).orElseThrow(() -> ApiException.badRequest("status '" + status
                + "' is not a task state; use one of " + Arrays.stream(TaskState.values()).map(TaskState::wire)
                        .collect(Collectors.joining(", "))));
    }
}
