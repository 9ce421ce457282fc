package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded state change of a task or of one of its steps ({@code GET /v1/tasks/{uuid}/transitions}, in time
 * order). Step transitions carry the step's uuid and name; task transitions carry neither.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransitionResponse(String subject, UUID stepUuid, String stepName, String fromState, String toState,
        Instant at, JsonNode metadata) {

    public static final String TASK = "task";
    public static final String STEP = "step";
}
