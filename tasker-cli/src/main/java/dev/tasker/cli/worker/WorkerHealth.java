package dev.tasker.cli.worker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.client.health.ServiceHealth;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One worker's readiness, with its registry status when it was found in the registry. {@code source}:
 * {@code heartbeat} (the registry's verdict on its last heartbeat report) or {@code direct} (asked at its URL).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record WorkerHealth(String workerId, String registryStatus, ServiceHealth health, String source) {

    public static final String HEARTBEAT = "heartbeat";
    public static final String DIRECT = "direct";
}
