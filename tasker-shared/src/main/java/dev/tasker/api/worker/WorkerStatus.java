package dev.tasker.api.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Body of a worker's {@code GET /status}. {@code status} is {@code running}, {@code stopping} or
 * {@code stopped}; {@code processed} counts step attempts that ended (successfully or not), {@code failed} those
 * that failed.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerStatus(String workerId, String status, List<String> namespaces, Instant startedAt,
        long uptimeSeconds, int inFlight, int concurrency, long processed, long failed, String version) {
}
