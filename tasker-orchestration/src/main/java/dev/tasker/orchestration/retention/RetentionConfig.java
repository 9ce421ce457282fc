package dev.tasker.orchestration.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Deletion of finished tasks, off unless {@code tasker.retention.enabled=true}. From the environment:
 * {@code TASKER_RETENTION_ENABLED}, {@code TASKER_RETENTION_MAX_AGE}, {@code TASKER_RETENTION_BATCH_SIZE},
 * {@code TASKER_RETENTION_INTERVAL}. {@link RetentionPolicy#of} checks the values at start-up.
 */
@ConfigMapping(prefix = "tasker.retention")
public interface RetentionConfig {

    @WithDefault("false")
    boolean enabled();

    /** A task finished (complete, error, cancelled, resolved_manually) longer ago than this is deleted. */
    @WithDefault("30d")
    Duration maxAge();

    /** Tasks deleted per transaction: small enough that each holds its row locks only briefly. */
    @WithDefault("500")
    int batchSize();

    /** How often a run starts (read by Retention's @Scheduled, whose default must stay the same). */
    @WithDefault("1m")
    Duration interval();
}
