package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /v1/tasks/actions/{cancel|retry}}: act on the tasks {@code filter} selects, newest first, at
 * most {@code limit} of them (1-1000, default 100). With {@code dry_run} nothing changes: the answer says how many
 * match and which would be acted on. {@code requested_by} is required; it and {@code reason} are recorded as for
 * the single-task action.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskActionRequest(TaskSelector filter, Integer limit, Boolean dryRun, String requestedBy,
        String reason) {
}
