package dev.tasker.client;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.client.health.HealthProbe;
import dev.tasker.client.health.ServiceHealth;
import java.util.Objects;

/**
 * What a client of any Tasker service offers for what every service serves ({@link ServiceApi}): its health, its
 * readiness verdict and its metrics, over the service's REST client and its {@link ServiceCalls}.
 */
public abstract class ServiceClient<A extends ServiceApi> implements AutoCloseable {

    protected final A api;
    protected final ServiceCalls calls;

    protected ServiceClient(A api, ServiceCalls calls) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public Endpoint endpoint() {
        return calls.endpoint();
    }

    public HealthResponse health() {
        return calls.idempotent(api::health);
    }

    /** Asks {@code /health/ready} once, not retried: a verdict on the moment, never an exception. */
    public ServiceHealth readiness() {
        return HealthProbe.probe(endpoint(), api::ready);
    }

    /** Prometheus text exposition. */
    public String metrics() {
        return calls.idempotent(api::metrics);
    }

    @Override
    public void close() {
        ServiceCalls.closeQuietly(api);
    }
}
