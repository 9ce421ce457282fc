package dev.tasker.cli;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/**
 * Where the services are, from SmallRye Config: the environment ({@code TASKER_ORCHESTRATION_URL},
 * {@code TASKER_ORCHESTRATION_TIMEOUT_MS}, {@code TASKER_WORKER_URL}, {@code TASKER_WORKER_TIMEOUT_MS}) over
 * the defaults; command-line flags override both.
 */
@ConfigMapping(prefix = "tasker")
public interface ClientSettings {

    Service orchestration();

    Service worker();

    interface Service {
        URI url();

        @WithDefault("10000")
        long timeoutMs();
    }
}
