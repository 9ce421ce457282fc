package dev.tasker.testing;

import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.client.worker.WorkerClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The seed's {@code DockerIntegrationTestSetup}: the compose stack of this test JVM (postgres, orchestration,
 * worker) with clients of its services, a bounded wait for all of them to be ready, and the container actions
 * fault tests need. One instance serves every test of the JVM (see {@link TaskerIntegration}). Its clients are
 * not closed at the end: JUnit would do that after Quarkus has shut down the class loader the REST clients
 * need to close, and the JVM exits right after anyway.
 * <p>
 * Host ports are looked up with {@code docker port} rather than taken from the Dev Services configuration,
 * because a restarted container is published on a new port: the actions that start a container reconnect.
 */
public final class TaskerStack {

    public static final String POSTGRES = "postgres";
    public static final String ORCHESTRATION = "orchestration";
    public static final String WORKER = "worker";
    /** TASKER_WORKER_ID of this project's stack's worker (compose-devservices.yml). */
    public static final String WORKER_ID = KitSettings.PROJECT_WORKER_ID;
    private static final List<String> SERVICES = List.of(POSTGRES, ORCHESTRATION, WORKER);
    /** First start builds images and boots three JVMs on a busy 2-core machine; a restart is quicker. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final ComposeProject project;
    private final String workerId;
    private ServiceClients clients;

    /** This project's stack, whose worker is {@value #WORKER_ID}. */
    public TaskerStack(ComposeProject project) {
        this(project, WORKER_ID);
    }

    /** A stack whose worker registers as {@code workerId}. */
    public TaskerStack(ComposeProject project, String workerId) {
        this.project = Objects.requireNonNull(project, "project");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
    }

    /** TASKER_WORKER_ID of the stack's worker. */
    public String workerId() {
        return workerId;
    }

    public ComposeProject project() {
        return project;
    }

    public synchronized OrchestrationClient orchestration() {
        return clients().orchestration();
    }

    public synchronized WorkerClient worker() {
        return clients().worker();
    }

    /** Where the orchestration answers on this host now. */
    public synchronized URI orchestrationUrl() {
        return clients().orchestration().endpoint().baseUrl();
    }

    /** Where the worker's API answers on this host now. */
    public synchronized URI workerUrl() {
        return clients().worker().endpoint().baseUrl();
    }

    private ServiceClients clients() {
        if (clients == null) {
            clients = ServiceClients.at(url(ORCHESTRATION, 8080), url(WORKER, 8081));
        }
        return clients;
    }

    private URI url(String service, int containerPort) {
        return URI.create("http://localhost:" + project.hostPort(service, containerPort));
    }

    /** Drops the clients; the next call looks the (possibly new) host ports up. */
    public synchronized void refreshClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    /** Waits until postgres is healthy, both services are ready and the worker is registered and active. */
    public StackReadiness awaitReady(Duration timeout) {
        return Poll.of("every service of " + project + " to be ready", this::readiness)
                .every(Duration.ofMillis(500)).until(StackReadiness::ready, timeout);
    }

    /**
     * One look at every service. A service without any container cannot become ready by waiting: the stack was
     * removed from outside this JVM, so this fails at once (an Error, which {@link Poll} does not retry).
     */
    public StackReadiness readiness() {
        List<String> present = project.containers().stream().map(Container::service).toList();
        List<String> missing = SERVICES.stream().filter(s -> !present.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError(project + " has no container of " + String.join(", ", missing)
                    + " (containers of " + present + " remain): it was removed from outside this test run, e.g. by "
                    + "scripts/cleanup-stacks.sh, which .ci/run runs and which removes every Tasker stack on the "
                    + "machine");
        }
        return new StackReadiness(project.health(POSTGRES), orchestration().readiness(), worker().readiness(),
                workerId, registryStatus(workerId));
    }

    /** The worker's status in the orchestration's registry (active, stale, deregistered), or "not registered". */
    public String registryStatus(String workerId) {
        try {
            return orchestration().worker(workerId).status();
        } catch (NotFoundException e) {
            return "not registered";
        }
    }

    /** SIGKILL, as in a crash; its clients fail until {@link #start}. */
    public void kill(String service) {
        project.kill(service);
    }

    public void stop(String service) {
        project.stop(service);
    }

    public void start(String service) {
        project.start(service);
        refreshClients();
    }

    /** Freezes the service ({@link ComposeProject#pause}); {@link #unpause} lets it run on. */
    public void pause(String service) {
        project.pause(service);
    }

    public void unpause(String service) {
        project.unpause(service);
    }

    /** Cuts the service off the stack's network ({@link ComposeProject#disconnect}) until {@link #reconnect}. */
    public void disconnect(String service) {
        project.disconnect(service);
    }

    public void reconnect(String service) {
        project.reconnect(service);
        refreshClients();
    }

    public void restart(String service) {
        project.restart(service);
        refreshClients();
    }
}
