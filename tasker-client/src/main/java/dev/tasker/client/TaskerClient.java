package dev.tasker.client;

import dev.tasker.client.config.ClientConfig;
import dev.tasker.client.config.ServiceConfig;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.client.worker.WorkerClient;
import java.net.URI;

/**
 * The client of a Tasker system: its orchestration service and its (configured) worker. Build one with
 * {@link #connect(ClientConfig)} in plain Java, or inject it in a Quarkus application (see
 * {@link TaskerClientProducer}). Clients are created on first use, so a command that needs only one service never
 * touches the other's settings.
 */
public final class TaskerClient implements AutoCloseable {

    private final ClientConfig config;
    private OrchestrationClient orchestration;
    private WorkerClient worker;

    private TaskerClient(ClientConfig config) {
        this.config = config;
    }

    public static TaskerClient connect(ClientConfig config) {
        return new TaskerClient(config);
    }

    public ClientConfig config() {
        return config;
    }

    public synchronized OrchestrationClient orchestration() {
        if (orchestration == null) {
            ServiceConfig s = config.orchestration();
            orchestration = OrchestrationClient.connect(s.endpoint(), s.retry());
        }
        return orchestration;
    }

    /** The worker configured by {@code worker.base_url}. */
    public synchronized WorkerClient worker() {
        if (worker == null) {
            worker = workerAt(config.worker().endpoint().baseUrl());
        }
        return worker;
    }

    /**
     * A worker at another URL, e.g. one found in the registry, with the configured worker timeouts, token and
     * retries. The caller closes it.
     */
    public WorkerClient workerAt(URI baseUrl) {
        ServiceConfig s = config.worker();
        return WorkerClient.connect(s.endpoint().at(baseUrl), s.retry());
    }

    @Override
    public synchronized void close() {
        if (orchestration != null) {
            orchestration.close();
        }
        if (worker != null) {
            worker.close();
        }
    }
}
