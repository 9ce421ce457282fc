package dev.tasker.api.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One element of a worker's {@code GET /status/namespaces}: visible messages waiting in the namespace's queue,
 * steps of it this worker runs now, and {@code healthy} / {@code unhealthy}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamespaceStatus(String namespace, long queueDepth, int inFlight, String healthStatus) {
}
