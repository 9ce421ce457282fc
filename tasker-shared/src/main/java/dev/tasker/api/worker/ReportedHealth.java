package dev.tasker.api.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * What a worker reported with its last heartbeat, as the registry judges it: {@code healthy} while that heartbeat
 * is recent (at most its interval and a grace of half an interval, at least a second, old) and the worker said it
 * was running; {@code unhealthy} otherwise, {@code detail} saying why. Lets an operator ask the orchestration about
 * a worker it cannot reach itself (a Docker network, Kubernetes, NAT).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReportedHealth(String health, String detail, Instant reportedAt, Long heartbeatIntervalMs,
        WorkerStatus status) {

    public static final String HEALTHY = "healthy";
    public static final String UNHEALTHY = "unhealthy";

    public boolean healthy() {
        return HEALTHY.equals(health);
    }
}
