package dev.tasker.orchestration.engine;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tasker.orchestration")
public interface OrchestrationConfig {

    /** Threads taking messages from the results queue (results of one task are still applied one at a time). */
    @WithDefault("2")
    int resultsConsumers();

    /** Longest idle wait between polls when no NOTIFY arrives (a safety net: NOTIFY normally wakes at once). */
    @WithDefault("5s")
    Duration fallbackPoll();

    /** How long past its timeout an in-progress step may go silent before its worker is presumed gone. */
    @WithDefault("5s")
    Duration claimGrace();

    /** A task in motion with nothing in flight and no message pending for this long is resumed by the sweeper. */
    @WithDefault("10s")
    Duration stalledAfter();

    /** How often the sweeper looks for expired claims and stalled tasks (read by its @Scheduled). */
    @WithDefault("2s")
    Duration sweepInterval();

    /** How often table sizes are compared with the planner's statistics (read by PlannerStatistics' @Scheduled). */
    @WithDefault("1s")
    Duration statisticsInterval();

    /** A worker whose last heartbeat is older than this is reported stale. */
    @WithDefault("30s")
    Duration workerStaleAfter();

    /**
     * {@code GET /v1/tasks} counts matching tasks exactly up to this many; beyond, its total is the planner's estimate
     * (flagged {@code total_count_exact: false}): an exact count of a million rows costs more than the page itself.
     */
    @WithDefault("10000")
    int listExactCountLimit();
}
