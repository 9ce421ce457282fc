package dev.tasker.api.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code PATCH /v1/tasks/{task}/workflow_steps/{step}}: an operator resolves a step by hand.
 * {@code resolution_data} becomes the step's result, which its children receive.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepResolution(JsonNode resolutionData, String resolvedBy, String reason) {
}
