package dev.tasker.client.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Declares every {@code tasker.*} property to Quarkus, so a misspelt one in application.properties fails the start
 * instead of being ignored. The values are read and checked by {@link EffectiveConfig} (one {@link Setting} each),
 * not through this mapping: a bad value then becomes one line naming its source (say, an environment variable)
 * rather than a start-up failure with a stack trace. Hence every member is optional text.
 */
@ConfigMapping(prefix = "tasker")
public interface ClientSettings {

    Service orchestration();

    Service worker();

    /** TASKER_AUTH_TOKEN: one token for both services. */
    Optional<String> authToken();

    Cli cli();

    /** TASKER_PROFILE: the config file's profile to apply. */
    Optional<String> profile();

    interface Service {
        Optional<String> url();

        Optional<String> timeoutMs();

        Optional<String> maxRetries();

        Optional<String> authToken();
    }

    interface Cli {
        Optional<String> format();

        Optional<String> color();
    }
}
