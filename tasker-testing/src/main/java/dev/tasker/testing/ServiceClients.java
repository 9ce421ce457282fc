package dev.tasker.testing;

import dev.tasker.client.Endpoint;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.client.retry.RetryPolicy;
import dev.tasker.client.worker.WorkerClient;
import java.net.URI;
import java.time.Duration;

/** Clients of the stack's two services at the host ports they are published on now. */
record ServiceClients(OrchestrationClient orchestration, WorkerClient worker) implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Above the client's 2 s long-poll of /wait, and generous for a machine busy with the whole stack. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    static ServiceClients at(URI orchestrationUrl, URI workerUrl) {
        RetryPolicy retry = RetryPolicy.standard(RetryPolicy.DEFAULT_MAX_RETRIES);
        return new ServiceClients(
                OrchestrationClient.connect(new Endpoint("orchestration", orchestrationUrl, CONNECT_TIMEOUT,
                        READ_TIMEOUT, ItTokens.ADMIN), retry),
                WorkerClient.connect(new Endpoint("worker", workerUrl, CONNECT_TIMEOUT, READ_TIMEOUT,
                        ItTokens.ADMIN), retry));
    }

    @Override
    public void close() {
        orchestration.close();
        worker.close();
    }
}
