package dev.tasker.runtime.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The SmallRye Health group that {@code /health/detailed} renders, and what its checks put in their responses: the
 * sentence for people goes in the data under {@link #MESSAGE}.
 */
public final class DetailedGroup {

    public static final String NAME = "detailed";
    public static final String MESSAGE = "message";

    private DetailedGroup() {
    }

    /** A response of the group: add data to it, or build it as it is. */
    public static HealthCheckResponseBuilder outcome(String name, boolean up, String message) {
        return HealthCheckResponse.named(name).status(up).withData(MESSAGE, message);
    }
}
