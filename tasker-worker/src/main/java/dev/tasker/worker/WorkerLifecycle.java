package dev.tasker.worker;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.api.worker.WorkerRegistration;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.runtime.registry.WorkerRegistry;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.worker.consumer.StepConsumer;
import dev.tasker.worker.template.TemplateCatalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Boot and shutdown in order. Boot: check the configuration, load and check templates and handlers (the
 * catalog), register the templates in the template registry, register this worker, start consuming. Shutdown:
 * stop consuming (running steps finish or are handed back), then deregister.
 */
@ApplicationScoped
public class WorkerLifecycle {

    private static final Logger LOG = Logger.getLogger(WorkerLifecycle.class);

    private final WorkerConfig config;
    private final WorkerNamespaces namespaces;
    private final TemplateCatalog catalog;
    private final TemplateStore templates;
    private final WorkerRegistry registry;
    private final StepConsumer consumer;
    private final String version;
    private volatile Instant startedAt;

    public WorkerLifecycle(WorkerConfig config, WorkerNamespaces namespaces, TemplateCatalog catalog,
            TemplateStore templates, WorkerRegistry registry, StepConsumer consumer,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.config = config;
        this.namespaces = namespaces;
        this.catalog = catalog;
        this.templates = templates;
        this.registry = registry;
        this.consumer = consumer;
        this.version = version;
    }

    void onStart(@Observes StartupEvent event) {
        WorkerRegistry.checkId(config.worker().id());
        // Those taken from the templates were checked with the templates.
        for (String namespace : config.namespaces().orElse(List.of())) {
            if (!TemplateValidator.NAMESPACE.matcher(namespace).matches()) {
                throw new IllegalStateException("TASKER_NAMESPACES holds '" + namespace
                        + "': a namespace is 1 to 64 characters of a-z, 0-9 and _");
            }
        }
        BootRetry boot = new BootRetry(config.worker().bootTimeout());
        for (TaskTemplate t : catalog.templates()) {
            TemplateStore.Outcome outcome = boot.run("register template " + t.key(), () -> templates.register(t));
            LOG.infof("template %s %s", t.key(), outcome == TemplateStore.Outcome.CREATED ? "registered"
                    : "already registered");
        }
        startedAt = Instant.now();
        boot.run("register worker " + config.worker().id(), () -> {
            register();
            return null;
        });
        consumer.start();
        // The first report right away: the registry judges a worker's health by its reports.
        heartbeat();
        LOG.infof("worker %s (%s) serving namespaces %s", config.worker().id(), config.env(), namespaces.list());
    }

    void onStop(@Observes ShutdownEvent event) {
        consumer.stop(config.worker().shutdownGrace());
        try {
            registry.deregister(config.worker().id());
        } catch (RuntimeException e) {
            LOG.warnf("could not deregister worker %s: %s", config.worker().id(), e.getMessage());
        }
    }

    @Scheduled(every = "${tasker.worker.heartbeat-interval:5s}", delayed = "${tasker.worker.heartbeat-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        if (consumer.status() != StepConsumer.Status.RUNNING) {
            return;
        }
        try {
            if (!registry.heartbeat(config.worker().id(), status(), config.worker().heartbeatInterval())) {
                register(); // the registry lost us (or an operator deregistered us while we still run)
                registry.heartbeat(config.worker().id(), status(), config.worker().heartbeatInterval());
            }
        } catch (RuntimeException e) {
            LOG.warnf("heartbeat failed: %s", e.getMessage());
        }
    }

    private void register() {
        registry.register(config.worker().id(), new WorkerRegistration(namespaces.list(),
                config.worker().apiUrl(), version, startedAt));
    }

    public String version() {
        return version;
    }

    /** This worker's /status document, which each heartbeat also reports to the registry. */
    public WorkerStatus status() {
        Instant started = consumer.startedAt();
        long uptime = started == null ? 0 : Duration.between(started, Instant.now()).toSeconds();
        return new WorkerStatus(config.worker().id(), consumer.status().name().toLowerCase(Locale.ROOT),
                namespaces.list(), started, uptime, consumer.inFlight(), config.worker().concurrency(),
                consumer.processed(), consumer.failed(), version);
    }
}
