package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Body of {@code POST /v1/tasks/{task}/retry}: resume a failed task from the steps that failed. Without
 * {@code steps}, every step in {@code error} goes back to pending with a fresh attempt counter; with them, the
 * named steps (each in error or waiting for a retry). Completed steps keep their results and do not run again.
 * {@code context}, when given, is merged over the task's context (its top-level keys replace the task's), for a
 * retry with corrected input. {@code requested_by} (required) and {@code reason} are recorded in the transitions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskRetryRequest(List<String> steps, JsonNode context, String requestedBy, String reason) {
}
