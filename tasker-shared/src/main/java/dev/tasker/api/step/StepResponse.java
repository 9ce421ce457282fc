package dev.tasker.api.step;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.state.StepState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workflow step: its state, attempts, the handler's result, or the error of its last failed attempt. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepResponse(UUID stepUuid, UUID taskUuid, String name, String handler, StepState currentState,
        List<String> dependencies, int attempts, int retryLimit, boolean retryable, int timeoutSeconds,
        Instant nextRetryAt, Instant lastAttemptedAt, String claimedBy, JsonNode results, StepError error,
        Instant createdAt, Instant updatedAt, Instant completedAt) {
}
