package dev.tasker.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who this worker is and how it works. From the environment: {@code TASKER_WORKER_ID}, {@code TASKER_NAMESPACES}
 * (comma list, optional: the templates' namespaces by default), {@code TASKER_TEMPLATE_PATH}, {@code TASKER_ENV},
 * {@code TASKER_WORKER_CONCURRENCY}, {@code TASKER_WORKER_API_URL}, ...
 */
@ConfigMapping(prefix = "tasker")
public interface WorkerConfig {

    Worker worker();

    /**
     * Overrides the namespaces whose step queues this worker consumes ({@code TASKER_NAMESPACES}, a comma list).
     * Unset (or empty), they are the namespaces of the templates the worker loaded ({@link WorkerNamespaces});
     * set, exactly these, for instance to run one image as several deployments that split its namespaces, or to
     * serve a namespace whose templates another process registers. Each must be a valid namespace name.
     */
    Optional<List<String>> namespaces();

    /** A directory of extra template files (*.yaml, *.yml), read after those on the classpath. */
    Optional<Path> templatePath();

    @WithDefault("development")
    String env();

    interface Worker {
        String id();

        /** Steps run at the same time (parallel branches of a DAG run in parallel up to this). */
        @WithDefault("4")
        int concurrency();

        /** The URL others reach this worker's API at; recorded in the worker registry. */
        @WithDefault("http://localhost:8081")
        String apiUrl();

        /** How long a claimed message stays invisible to other workers before it counts as abandoned. */
        @WithDefault("30s")
        Duration visibilityTimeout();

        /** Longest idle wait between polls when no NOTIFY arrives. */
        @WithDefault("5s")
        Duration fallbackPoll();

        /** On shutdown, how long running steps may finish before they are interrupted and handed back. */
        @WithDefault("5s")
        Duration shutdownGrace();

        /**
         * How long the boot waits for an unavailable database (registering templates and the worker) before the
         * worker gives up and exits.
         */
        @WithDefault("60s")
        Duration bootTimeout();

        /**
         * How often the worker heartbeats to the registry. WorkerLifecycle's {@code @Scheduled} reads the property
         * itself; it is declared here so that setting it in application.properties is not refused as an unknown
         * {@code tasker.*} property.
         */
        @WithDefault("5s")
        Duration heartbeatInterval();
    }
}
