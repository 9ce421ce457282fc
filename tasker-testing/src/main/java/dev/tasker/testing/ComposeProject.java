package dev.tasker.testing;

import java.nio.file.Path;
import java.time.Duration;
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

    /** The compose healthcheck's verdict (healthy, starting, unhealthy), or the docker state without one. */
    public String health(String service) {
        return docker.run("inspect", "-f",
                "{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}",
                container(service).id()).stdoutOrFail().strip();
    }

    /** The container's last {@code lines} log lines, stdout and stderr, with timestamps. */
    public String logs(Container container, int lines) {
        CommandResult r = docker.runMerged(Docker.DEFAULT_TIMEOUT, "logs", "--timestamps", "--tail",
                Integer.toString(lines), container.id());
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
