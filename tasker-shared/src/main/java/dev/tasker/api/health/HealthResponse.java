package dev.tasker.api.health;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** Body of {@code GET /health} on both services: the process is up and which build answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthResponse(String status, Instant timestamp, String version) {

    public static final String HEALTHY = "healthy";
}
