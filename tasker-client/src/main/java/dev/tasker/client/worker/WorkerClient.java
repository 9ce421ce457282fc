package dev.tasker.client.worker;

import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.worker.HandlerInfo;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.client.Endpoint;
import dev.tasker.client.ServiceCalls;
import dev.tasker.client.ServiceClient;
import dev.tasker.client.retry.RetryPolicy;
import java.util.List;

/** A worker's API with retries and typed errors; every call is a GET, so all are retried on transient failures. */
public final class WorkerClient extends ServiceClient<WorkerApi> {

    public WorkerClient(WorkerApi api, ServiceCalls calls) {
        super(api, calls);
    }

    /** A client of the worker at {@code endpoint}, built with {@code RestClientBuilder} (no CDI needed). */
    public static WorkerClient connect(Endpoint endpoint, RetryPolicy retry) {
        return new WorkerClient(endpoint.client(WorkerApi.class), ServiceCalls.of(endpoint, retry));
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
}
