package dev.tasker.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a failed integration test leaves behind in {@code target/it-diagnostics/<test>.txt}: the failure, every
 * task of the test with its steps (results, errors) and transitions, the worker's status, the orchestration's
 * detailed health and worker registry, the containers, and what each container of the compose project logged
 * while the test ran (from its start until the report), restarted containers included. Written from what the services answer over plain HTTP and what docker
 * reports, so it works for the CLI tests too; a part that cannot be fetched says why instead of hiding the rest.
 */
public final class DiagnosticsReport {

    private final ComposeProject project;
    private final RawJson http = new RawJson();

    public DiagnosticsReport(ComposeProject project) {
        this.project = project;
    }

    /** The directory of the reports: the module's target/it-diagnostics (failsafe runs in the module's basedir). */
    /** How long the per-task GETs may take in all; a report must never hold the suite up for long. */
    private static final Duration HTTP_BUDGET = Duration.ofSeconds(30);

    public static Path directory() {
        return Path.of(System.getProperty("basedir", "."), "target", "it-diagnostics");
    }

    public Path write(String testName, String runId, Instant started, List<UUID> tasks, Throwable failure) {
        Path file = directory().resolve(testName.replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render(testName, runId, started, tasks, failure), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the diagnostics report " + file, e);
        }
    }

    String render(String testName, String runId, Instant started, List<UUID> tasks, Throwable failure) {
        StringBuilder out = new StringBuilder();
        out.append("Integration test diagnostics\n")
                .append("test:     ").append(testName).append('\n')
                .append("run id:   ").append(runId).append(" (tag and correlation_id of the test's tasks)\n")
                .append("started:  ").append(started).append('\n')
                .append("written:  ").append(Instant.now()).append('\n')
                .append("compose:  ").append(project.name()).append("\n\n");
        section(out, "failure").append(stackTrace(failure));
        List<Container> containers = containers(out);
        URI orchestration = url(out, TaskerStack.ORCHESTRATION, 8080);
        URI worker = url(out, TaskerStack.WORKER, 8081);
        section(out, "tasks of this test (" + tasks.size() + ")");
        Instant httpDeadline = Instant.now().plus(HTTP_BUDGET);
        for (int i = 0; i < tasks.size(); i++) {
            String answer = get(out, orchestration, "/v1/tasks/" + tasks.get(i));
            // A service that cannot answer one task will not answer the next 199 either, and each try may take
            // seconds (e.g. while its database is down): note what was left out rather than hang the suite.
            if (!answer.startsWith("HTTP 200") || Instant.now().isAfter(httpDeadline)) {
                out.append("\nskipped the other ").append(tasks.size() - i - 1).append(" tasks: ")
                        .append(answer.startsWith("HTTP 200") ? "the report's " + HTTP_BUDGET.toSeconds()
                                + " s for HTTP are spent" : "the orchestration did not answer 200").append('\n');
                break;
            }
            get(out, orchestration, "/v1/tasks/" + tasks.get(i) + "/transitions");
        }
        section(out, "worker");
        get(out, worker, "/status");
        get(out, worker, "/status/namespaces");
        section(out, "orchestration");
        get(out, orchestration, "/health/detailed");
        get(out, orchestration, "/v1/workers");
        for (Container c : containers) {
            section(out, "log of " + c.service() + " (" + c.name() + ") while the test ran, from " + started)
                    .append(project.logsSince(c, started));
        }
        return out.toString();
    }

    private List<Container> containers(StringBuilder out) {
        section(out, "containers");
        try {
            List<Container> containers = project.containers();
            containers.forEach(c -> out.append(c.service()).append("  ").append(c.name()).append("  ")
                    .append(c.state()).append("  ").append(c.status()).append('\n'));
            return containers;
        } catch (RuntimeException e) {
            out.append("docker could not list them: ").append(e.getMessage()).append('\n');
            return List.of();
        }
    }

    /** The service's current host URL, or null (noted in the report) when it has none, e.g. while stopped. */
    private URI url(StringBuilder out, String service, int port) {
        try {
            return URI.create("http://localhost:" + project.hostPort(service, port));
        } catch (RuntimeException e) {
            out.append(service).append(" has no reachable port: ").append(e.getMessage()).append('\n');
            return null;
        }
    }

    private String get(StringBuilder out, URI base, String path) {
        String answer = base == null ? "skipped: the service has no port" : http.show(base.resolve(path));
        out.append("\n--- GET ").append(path).append('\n').append(answer).append('\n');
        return answer;
    }

    private static StringBuilder section(StringBuilder out, String title) {
        return out.append("\n==================== ").append(title).append(" ====================\n");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
