package dev.tasker.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The compose project the integration tests run against (the one Compose Dev Services started for this JVM), and
 * what tests may do to its containers. A restarted container gets a new host port (ports are published without a
 * fixed host port), so callers look ports up again after {@link #start} or {@link #restart}.
 */
public record ComposeProject(String name, Docker docker) {

    public static final String PROJECT_LABEL = "com.docker.compose.project";
    private static final String SERVICE_LABEL = "com.docker.compose.service";
    /** docker stop's grace before SIGKILL: the services stop in about a second, PostgreSQL (SIGINT) too. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    public ComposeProject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(docker, "docker");
    }

    /** The project of this test JVM, named by {@link ComposeProjectName}. */
    public static ComposeProject ofThisRun() {
        return new ComposeProject(ComposeProjectName.current(), new Docker());
    }

    /** Every container of the project, running or not. */
    public List<Container> containers() {
        String format = "{{.ID}}\t{{.Names}}\t{{.Label \"" + SERVICE_LABEL + "\"}}\t{{.State}}\t{{.Status}}";
        String out = docker.run("ps", "-a", "--no-trunc", "--filter", "label=" + PROJECT_LABEL + "=" + name,
                "--format", format).stdoutOrFail();
        return out.lines().filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(f -> new Container(f[0], f[1], f[2], f[3], f[4])).toList();
    }

    public Container container(String service) {
        List<Container> matching = containers().stream().filter(c -> c.service().equals(service)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException("compose project " + name + " has " + matching.size()
                    + " containers of service " + service + ": " + matching);
        }
        return matching.get(0);
    }

    /** The host port a running service's container port is published on, e.g. 8080 -> 32843. */
    public int hostPort(String service, int containerPort) {
        String out = docker.run("port", container(service).id(), containerPort + "/tcp").stdoutOrFail();
        // One line per address family, e.g. "0.0.0.0:32843" and "[::]:32843"; both carry the same port.
        String first = out.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow(() -> new IllegalStateException(
                "service " + service + " of " + name + " publishes no host port for " + containerPort));
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1).strip());
    }

    /**
     * Starts an optional service of a compose profile (e.g. worker-2 of two-workers) in this project, from the
     * images the project already built, without touching the services it depends on.
     */
    public void startProfileService(Path composeFile, String profile, String service) {
        docker.run(Duration.ofMinutes(2), "compose", "-p", name, "-f", composeFile.toString(), "--profile",
                profile, "up", "-d", "--no-deps", "--no-build", service).stdoutOrFail();
    }

    /** Stops (gracefully) and removes the service's containers; a service without any is fine. */
    public void remove(String service) {
        for (Container c : containers()) {
            if (c.service().equals(service)) {
                stop(c);
                docker.run("rm", "-v", c.id()).stdoutOrFail();
            }
        }
    }

    /** SIGKILL: the service gets no chance to shut down cleanly, as in a crash. */
    public void kill(String service) {
        docker.run("kill", container(service).id()).stdoutOrFail();
    }

    /** SIGTERM (PostgreSQL's image: SIGINT), then SIGKILL after the grace period. */
    public void stop(String service) {
        stop(container(service));
    }

    private void stop(Container c) {
        docker.run(STOP_GRACE.plus(Docker.DEFAULT_TIMEOUT), "stop", "-t", Long.toString(STOP_GRACE.toSeconds()),
                c.id()).stdoutOrFail();
    }

    public void start(String service) {
        docker.run("start", container(service).id()).stdoutOrFail();
    }

    public void restart(String service) {
        docker.run(STOP_GRACE.plus(Docker.DEFAULT_TIMEOUT), "restart", "-t", Long.toString(STOP_GRACE.toSeconds()),
                container(service).id()).stdoutOrFail();
    }

    /**
     * Freezes every process of the service (docker pause, the cgroup freezer): it keeps its connections and its
     * port but answers nothing and sends no heartbeat, as a process stuck in a long GC pause or a hung host.
     */
    public void pause(String service) {
        docker.run("pause", container(service).id()).stdoutOrFail();
    }

    public void unpause(String service) {
        docker.run("unpause", container(service).id()).stdoutOrFail();
    }

    /**
     * Cuts the service off the project's network, as a network partition: its peers can no longer reach it nor
     * it them (connections in flight fail or time out), while it keeps running.
     */
    public void disconnect(String service) {
        docker.run("network", "disconnect", network(), container(service).id()).stdoutOrFail();
    }

    /** Connects the service to the project's network again, under its service name, so its peers find it. */
    public void reconnect(String service) {
        docker.run("network", "connect", "--alias", service, network(), container(service).id()).stdoutOrFail();
    }

    /** The project's default network (compose names it {@code <project>_default}). */
    public String network() {
        String out = docker.run("network", "ls", "--filter", "label=com.docker.compose.project=" + name, "--filter",
                "label=com.docker.compose.network=default", "--format", "{{.Name}}").stdoutOrFail();
        return out.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow(() -> new IllegalStateException(
                "compose project " + name + " has no default network"));
    }

    /** When the service's container last started (docker's State.StartedAt): unchanged unless it was restarted. */
    public String startedAt(String service) {
        return docker.run("inspect", "-f", "{{.State.StartedAt}}", container(service).id()).stdoutOrFail().strip();
    }

    /** The compose healthcheck's verdict (healthy, starting, unhealthy), or the docker state without one. */
    public String health(String service) {
        return docker.run("inspect", "-f",
                "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}",
                container(service).id()).stdoutOrFail().strip();
    }

    /**
     * What the container logged from {@code since} until now, stdout and stderr, with timestamps: across its
     * restarts too, since docker keeps a container's log when it is restarted, killed or started again.
     */
    public String logsSince(Container container, Instant since) {
        CommandResult r = docker.runMerged(Docker.DEFAULT_TIMEOUT, "logs", "--timestamps", "--since",
                since.toString(), "--until", Instant.now().toString(), container.id());
        return r.stdout() + (r.succeeded() ? "" : "(docker logs exited with " + r.exitCode() + ")\n");
    }

    /** Everything the container logged since it was created, across restarts. */
    public String allLogs(Container container) {
        CommandResult r = docker.runMerged(Docker.DEFAULT_TIMEOUT, "logs", container.id());
        if (!r.succeeded()) {
            throw new IllegalStateException("docker logs " + container.service() + " exited with " + r.exitCode()
                    + ": " + r.stdout());
        }
        return r.stdout();
    }

    @Override
    public String toString() {
        return "compose project " + name;
    }
}
