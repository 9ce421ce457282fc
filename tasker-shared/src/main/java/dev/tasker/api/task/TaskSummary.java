package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.state.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of {@code GET /v1/tasks}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskSummary(UUID taskUuid, String namespace, String name, String version, TaskState status,
        double completionPercentage, int totalSteps, int completedSteps, int failedSteps, String initiator,
        String sourceSystem, List<String> tags, int priority, String correlationId, Instant createdAt,
        Instant updatedAt, Instant completedAt) {
}
