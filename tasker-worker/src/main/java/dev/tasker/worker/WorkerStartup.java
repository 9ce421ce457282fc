package dev.tasker.worker;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** Refuses to start with namespaces that could never match a queue, and says who started. */
@ApplicationScoped
public class WorkerStartup {

    private static final Logger LOG = Logger.getLogger(WorkerStartup.class);
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9_]{1,64}");

    private final WorkerConfig config;

    public WorkerStartup(WorkerConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        for (String namespace : config.namespaces()) {
            if (!NAMESPACE.matcher(namespace).matches()) {
                throw new IllegalStateException("TASKER_NAMESPACES holds '" + namespace
                        + "': a namespace is 1 to 64 characters of a-z, 0-9 and _");
            }
        }
        LOG.infof("worker %s (%s) serving namespaces %s", config.worker().id(), config.env(), config.namespaces());
    }
}
