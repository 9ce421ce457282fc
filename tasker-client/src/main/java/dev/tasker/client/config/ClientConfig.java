package dev.tasker.client.config;

import java.util.Objects;

/** The validated connection settings of both services. */
public record ClientConfig(ServiceConfig orchestration, ServiceConfig worker) {

    public ClientConfig {
        Objects.requireNonNull(orchestration, "orchestration");
        Objects.requireNonNull(worker, "worker");
    }
}
