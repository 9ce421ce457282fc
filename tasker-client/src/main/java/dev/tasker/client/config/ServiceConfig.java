package dev.tasker.client.config;

import dev.tasker.client.Endpoint;
import dev.tasker.client.retry.RetryPolicy;
import java.util.Objects;

/** How to reach one service and how often to retry a call to it. */
public record ServiceConfig(Endpoint endpoint, RetryPolicy retry) {

    public ServiceConfig {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(retry, "retry");
    }
}
