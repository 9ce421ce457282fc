package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task with its counters and (from {@code GET /v1/tasks/{uuid}} and create) its steps. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskResponse(UUID taskUuid, String namespace, String name, String version, TaskState status,
        ExecutionStatus executionStatus, double completionPercentage, int totalSteps, int pendingSteps,
        int inProgressSteps, int completedSteps, int failedSteps, int readySteps, JsonNode context,
        String initiator, String sourceSystem, String reason, List<String> tags, int priority,
        String correlationId, String idempotencyKey, Instant createdAt, Instant updatedAt, Instant completedAt,
        List<StepResponse> steps) {

    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    /** The step with this name, if the response carries steps. */
    public java.util.Optional<StepResponse> step(String stepName) {
        return steps == null ? java.util.Optional.empty()
                : steps.stream().filter(s -> s.name().equals(stepName)).findFirst();
    }
}
