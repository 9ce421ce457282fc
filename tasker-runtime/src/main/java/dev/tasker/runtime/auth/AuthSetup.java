package dev.tasker.runtime.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Builds the access policy at startup, so a bad key configuration stops the service at once instead of at its
 * first request. Logs key names and permissions, never tokens.
 */
@ApplicationScoped
public class AuthSetup {

    private static final Logger LOG = Logger.getLogger(AuthSetup.class);

    @Produces
    @Singleton
    @Startup
    AccessPolicy policy(AuthConfig config) {
        if (!config.enabled()) {
            LOG.info("API authentication is off (tasker.auth.enabled=false): every request is accepted");
            return AccessPolicy.off();
        }
        ApiKeys keys = ApiKeys.load(config.keys());
        LOG.infof("API authentication is on with %d keys: %s", keys.all().size(), keys.all().stream()
                .map(k -> k.name() + " " + k.permissions()).collect(Collectors.joining(", ")));
        return AccessPolicy.of(keys);
    }
}
