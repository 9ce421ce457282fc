package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.UUID;

/**
 * What a bulk action did (or, with {@code dry_run}, would do): {@code matched} tasks match the filter,
 * {@code selected} are the newest of them up to the limit, {@code changed} those the action changed, and
 * {@code skipped} the others with the reason (e.g. already finished).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskActionResult(String action, boolean dryRun, long matched, int limit, List<TaskSummary> selected,
        List<UUID> changed, List<Skipped> skipped) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skipped(UUID taskUuid, String reason) {
    }
}
