package dev.tasker.client.worker;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.worker.HandlerInfo;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.client.Endpoint;
import dev.tasker.client.ServiceCalls;
import dev.tasker.client.health.HealthProbe;
import dev.tasker.client.health.ServiceHealth;
import dev.tasker.client.retry.RetryPolicy;
import java.util.List;
import java.util.Objects;

/** A worker's API with retries and typed errors; every call is a GET, so all are retried on transient failures. */
public final class WorkerClient implements AutoCloseable {

    private final WorkerApi api;
    private final ServiceCalls calls;

    public WorkerClient(WorkerApi api, ServiceCalls calls) {
        this.api = Objects.requireNonNull(api, "api");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** A client of the worker at {@code endpoint}, built with {@code RestClientBuilder} (no CDI needed). */
    public static WorkerClient connect(Endpoint endpoint, RetryPolicy retry) {
        return new WorkerClient(endpoint.client(WorkerApi.class), ServiceCalls.of(endpoint, retry));
    }

    public Endpoint endpoint() {
        return calls.endpoint();
    }

    public HealthResponse health() {
        return calls.idempotent(api::health);
    }

    public ServiceHealth readiness() {
        return HealthProbe.probe(endpoint(), api::ready);
    }

    public WorkerStatus status() {
        return calls.idempotent(api::status);
    }

    public List<NamespaceStatus> namespaces() {
        return calls.idempotent(api::namespaces);
    }

    public List<HandlerInfo> handlers() {
        return calls.idempotent(api::handlers);
    }

    public TemplateListResponse templates() {
        return calls.idempotent(api::templates);
    }

    public String metrics() {
        return calls.idempotent(api::metrics);
    }

    @Override
    public void close() {
        ServiceCalls.closeQuietly(api);
    }
}
