package dev.tasker.api.worker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** Body of {@code PUT /v1/workers/{worker_id}}: a worker registers itself, and repeats it as its heartbeat. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkerRegistration(List<String> namespaces, String apiUrl, String version, Instant startedAt) {
}
