package dev.tasker.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs against a live stack: (a) latency of linear_workflow (4 steps) and mixed_dag_workflow (7 steps), one task
 * at a time, server-side (created_at to completed_at) and client-observed (request sent to completion seen, via
 * the long-poll endpoint); (b) throughput of N linear tasks submitted concurrently. Prints a table and writes
 * JSON. Usage: java -jar tasker-benchmarks.jar [--url U] [--warmup 20] [--runs 200] [--tasks 500]
 * [--submitters 16] [--phase latency|throughput|all] [--label L] [--out FILE]
 */
public final class BenchmarkMain {

    private final Map<String, String> args;
    private final Http http;
    private final Map<String, Object> results = new LinkedHashMap<>();

    private BenchmarkMain(Map<String, String> args) {
        this.args = args;
        this.http = new Http(java.net.URI.create(args.getOrDefault("url", "http://localhost:8080")),
                System.getenv("TASKER_AUTH_TOKEN"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                System.err.println("error: expected --name value pairs, got '" + argv[i] + "'");
                System.exit(2);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        new BenchmarkMain(args).run();
    }

    private int intArg(String name, int defaultValue) {
        return Integer.parseInt(args.getOrDefault(name, String.valueOf(defaultValue)));
    }

    private void run() throws Exception {
        String phase = args.getOrDefault("phase", "all");
        String label = args.getOrDefault("label", "one-worker");
        results.put("label", label);
        results.put("started_at", Instant.now().toString());
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores visible to the client");
        if (phase.equals("all") || phase.equals("latency")) {
            latency("linear_workflow", "mathematical_sequence", 4);
            latency("mixed_dag_workflow", "complex_dag", 7);
        }
        if (phase.equals("all") || phase.equals("throughput")) {
            throughput(label);
        }
        String json = http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Path out = Path.of(args.getOrDefault("out", "target/benchmark-" + label + ".json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json);
        System.out.println("results written to " + out);
    }

    private static ObjectNode input() {
        return JsonNodeFactory.instance.objectNode().put("even_number", 6);
    }

    private void latency(String namespace, String name, int steps) throws Exception {
        int warmup = intArg("warmup", 20);
        int runs = intArg("runs", 200);
        List<Double> server = new ArrayList<>();
        List<Double> client = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            TaskResponse created = http.create(TaskRequest.of(namespace, name, input()));
            TaskResponse done = http.awaitTerminal(created.taskUuid(), Duration.ofSeconds(30));
            double clientMs = (System.nanoTime() - start) / 1e6;
            if (done.status() != TaskState.COMPLETE) {
                throw new IllegalStateException(namespace + " task " + done.taskUuid() + " ended " + done.status());
            }
            if (i >= warmup) {
                server.add(Duration.between(done.createdAt(), done.completedAt()).toNanos() / 1e6);
                client.add(clientMs);
            }
        }
        Percentiles s = Percentiles.of(server);
        Percentiles c = Percentiles.of(client);
        System.out.printf("%n%s (%d steps), %d runs after %d warm-up, one at a time%n", namespace, steps, runs,
                warmup);
        System.out.printf("  %-14s %8s %8s %8s %8s %8s%n", "ms", "p50", "p95", "p99", "max", "mean");
        row("server-side", s);
        row("client", c);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("steps", steps);
        entry.put("runs", runs);
        entry.put("warmup", warmup);
        entry.put("server_ms", s);
        entry.put("client_ms", c);
        results.put("latency_" + namespace, entry);
    }

    private static void row(String what, Percentiles p) {
        System.out.printf("  %-14s %8.1f %8.1f %8.1f %8.1f %8.1f%n", what, p.p50(), p.p95(), p.p99(), p.max(),
                p.mean());
    }

    private void throughput(String label) throws Exception {
        int tasks = intArg("tasks", 500);
        int submitters = intArg("submitters", 16);
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        Burst burst;
        try {
            // Untimed first: a fresh client JVM and the services compile their hot paths here, not in the measurement.
            burst(pool, Math.min(tasks, 100));
            burst = burst(pool, tasks);
        } finally {
            pool.shutdownNow();
        }
        List<Instant> created = new ArrayList<>();
        List<Instant> completed = new ArrayList<>();
        int failed = 0;
        for (TaskSummary t : burst.tasks()) {
            if (t.status() != TaskState.COMPLETE) {
                failed++;
            } else {
                created.add(t.createdAt());
                completed.add(t.completedAt());
            }
        }
        double submitSeconds = burst.submitSeconds();
        double clientSeconds = burst.clientSeconds();
        double serverSeconds = created.isEmpty() ? 0
                : Duration.between(Collections.min(created), Collections.max(completed)).toNanos() / 1e9;
        double tasksPerSecond = completed.size() / serverSeconds;
        System.out.printf("%nthroughput (%s): %d linear_workflow tasks submitted by %d threads (after an untimed "
                + "burst of %d)%n", label, tasks, submitters, Math.min(tasks, 100));
        System.out.printf("  completed %d, not complete %d; submitted in %.2f s%n", completed.size(), failed,
                submitSeconds);
        System.out.printf("  server-side (first created -> last completed) %.2f s: %.1f tasks/s, %.1f steps/s%n",
                serverSeconds, tasksPerSecond, tasksPerSecond * 4);
        System.out.printf("  client wall time %.2f s: %.1f tasks/s%n", clientSeconds, completed.size() / clientSeconds);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tasks", tasks);
        entry.put("completed", completed.size());
        entry.put("not_complete", failed);
        entry.put("server_seconds", serverSeconds);
        entry.put("tasks_per_second", tasksPerSecond);
        entry.put("steps_per_second", tasksPerSecond * 4);
        entry.put("client_seconds", clientSeconds);
        entry.put("submit_seconds", submitSeconds);
        results.put("throughput", entry);
        if (failed > 0) {
            System.err.println("error: " + failed + " tasks did not complete");
            System.exit(1);
        }
    }

    private record Burst(double submitSeconds, double clientSeconds, List<TaskSummary> tasks) {
    }

    /**
     * Submits {@code tasks} linear tasks under a fresh tag from the pool's threads and waits until all are terminal.
     * Completion is observed by counting the tag's complete tasks every 50 ms: one light request, where a long-poll
     * per task would take as much of the machine's two cores as the work being measured. The server-side figures
     * come from the tasks' own timestamps, so the interval does not enter them.
     */
    private Burst burst(ExecutorService pool, int tasks) throws Exception {
        String tag = "bench-" + UUID.randomUUID();
        long start = System.nanoTime();
        List<Future<TaskResponse>> submitted = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            TaskRequest r = new TaskRequest("linear_workflow", "mathematical_sequence", null, input(), "benchmark",
                    null, null, List.of(tag), null, null, null);
            submitted.add(pool.submit(() -> http.create(r)));
        }
        for (Future<TaskResponse> f : submitted) {
            f.get();
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        for (int look = 0; ; look++) {
            long complete = http.list(tag, "complete", 1, 1).pagination().totalCount();
            if (complete == tasks) {
                break;
            }
            // Failed tasks would never count as complete: look for them now and then, and stop at the first.
            if (look % 20 == 19 && http.list(tag, "error", 1, 1).pagination().totalCount() > 0) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("after 5 minutes " + complete + " of " + tasks + " tasks tagged " + tag
                        + " are complete; waiting for the rest");
            }
            Thread.sleep(50);
        }
        double clientSeconds = (System.nanoTime() - start) / 1e9;
        List<TaskSummary> all = new ArrayList<>();
        for (int page = 1; all.size() < tasks; page++) {
            List<TaskSummary> batch = http.list(tag, null, page, 100).tasks();
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
        }
        return new Burst(submitSeconds, clientSeconds, all);
    }
}
