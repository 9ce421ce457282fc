package dev.tasker.api.health;

import java.time.Instant;

/** Body of {@code GET /health} on both services: the process is up and which build answers. */
public record HealthResponse(String status, Instant timestamp, String version) {

    public static final String HEALTHY = "healthy";
}
