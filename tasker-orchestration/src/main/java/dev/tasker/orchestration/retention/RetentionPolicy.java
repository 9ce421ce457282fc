package dev.tasker.orchestration.retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The tasker.retention settings, checked. */
public record RetentionPolicy(boolean enabled, Duration maxAge, int batchSize, Duration interval) {

    public static final int MAX_BATCH_SIZE = 10_000;

    /**
     * Checks every setting, also when retention is off, so that a wrong value is found when it is written rather
     * than on the day retention is turned on.
     *
     * @throws InvalidRetentionConfigException naming every unusable setting and its value
     */
    public static RetentionPolicy of(RetentionConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.maxAge().isNegative() || config.maxAge().isZero()) {
            problems.add("tasker.retention.max-age must be positive (e.g. 30d, 12h), got " + config.maxAge());
        }
        if (config.batchSize() < 1 || config.batchSize() > MAX_BATCH_SIZE) {
            problems.add("tasker.retention.batch-size must be between 1 and " + MAX_BATCH_SIZE + ", got "
                    + config.batchSize());
        }
        if (config.interval().isNegative() || config.interval().isZero()) {
            problems.add("tasker.retention.interval must be positive (e.g. 1m, 30s), got " + config.interval());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRetentionConfigException("invalid tasker.retention configuration: "
                    + String.join("; ", problems));
        }
        return new RetentionPolicy(config.enabled(), config.maxAge(), config.batchSize(), config.interval());
    }
}
