package dev.tasker.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Who this worker is and what it serves. Set from the environment: {@code TASKER_WORKER_ID},
 * {@code TASKER_NAMESPACES} (comma list), {@code TASKER_ORCHESTRATION_URL}, {@code TASKER_ENV}.
 */
@ConfigMapping(prefix = "tasker")
public interface WorkerConfig {

    Worker worker();

    /** Namespaces whose step queues this worker consumes. */
    List<String> namespaces();

    @WithDefault("development")
    String env();

    interface Worker {
        String id();
    }
}
