package dev.tasker.api.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A worker in the registry. {@code status} is {@code active} while heartbeats arrive, {@code stale} when the last
 * one is older than the staleness threshold, and {@code deregistered} after the worker said goodbye.
 * {@code reported}: its health and status as of its last heartbeat (null for a worker that reports none).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerInfo(String workerId, String status, List<String> namespaces, String apiUrl, String version,
        Instant startedAt, Instant registeredAt, Instant lastHeartbeatAt, Instant deregisteredAt,
        ReportedHealth reported) {

    public static final String ACTIVE = "active";
    public static final String STALE = "stale";
    public static final String DEREGISTERED = "deregistered";
}
