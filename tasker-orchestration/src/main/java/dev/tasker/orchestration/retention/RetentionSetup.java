package dev.tasker.orchestration.retention;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Checks the retention settings at start-up, so a bad value stops the service at once instead of at a run. */
@ApplicationScoped
public class RetentionSetup {

    private static final Logger LOG = Logger.getLogger(RetentionSetup.class);

    @Produces
    @Singleton
    @Startup
    RetentionPolicy policy(RetentionConfig config) {
        RetentionPolicy policy = RetentionPolicy.of(config);
        if (policy.enabled()) {
            LOG.infof("retention is on: tasks finished more than %s ago are deleted, %d per batch, every %s",
                    policy.maxAge(), policy.batchSize(), policy.interval());
        } else {
            LOG.info("retention is off (tasker.retention.enabled=false): finished tasks are kept");
        }
        return policy;
    }
}
