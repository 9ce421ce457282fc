package dev.tasker.cli;

import dev.tasker.client.Endpoint;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by every command that talks to a service; flags win over environment and defaults. */
public class ConnectionOptions {

    /** Connecting should never take long; a service that does not accept a connection in this time is down. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @Option(names = "--orchestration-url", paramLabel = "URL",
            description = "Orchestration base URL (env TASKER_ORCHESTRATION_URL; default http://localhost:8080).")
    URI orchestrationUrl;

    @Option(names = "--worker-url", paramLabel = "URL",
            description = "Worker base URL (env TASKER_WORKER_URL; default http://localhost:8081).")
    URI workerUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest wait for each request, e.g. 5s or 500ms (env TASKER_*_TIMEOUT_MS; default 10s).")
    Duration timeout;

    public Endpoint orchestration(ClientSettings settings) {
        return endpoint("orchestration", orchestrationUrl, settings.orchestration());
    }

    public Endpoint worker(ClientSettings settings) {
        return endpoint("worker", workerUrl, settings.worker());
    }

    private Endpoint endpoint(String service, URI flag, ClientSettings.Service configured) {
        URI url = flag != null ? flag : configured.url();
        Duration read = timeout != null ? timeout : Duration.ofMillis(configured.timeoutMs());
        Duration connect = read.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? read : MAX_CONNECT_TIMEOUT;
        return new Endpoint(service, url, connect, read);
    }
}
