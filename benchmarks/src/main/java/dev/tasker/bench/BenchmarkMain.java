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
 * JSON. Usage: java -jar tasker-benchmarks.jar [--url U] [--warmup 20] [--runs 200] [--tasks 500] [--rounds 3]
 * [--submitters 16] [--phase latency|throughput|all|sustained] [--label L] [--out FILE]; the sustained phase also
 * [--minutes 10] [--window-seconds 30] [--rate TASKS_PER_SECOND (default: half the peak it measures first)]
 * [--svg FILE]; {@code --phase plot --from sustained.json --svg FILE} draws a sustained run's plot again.
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
        // Keep a connection per submitting thread alive (the JVM keeps 5 per server), not connect anew per request.
        System.setProperty("http.maxConnections", "64");
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
        if (phase.equals("sustained")) {
            sustained(label);
        }
        if (phase.equals("plot")) {
            replot();
            return;
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

    /**
     * Throughput: after an untimed burst, {@code rounds} measured bursts of {@code tasks} each, one after the other.
     * A burst lasts about two seconds, so one checkpoint or autovacuum run moves its figure by 10-15 %; the median
     * of the rounds is the figure reported, with every round beside it.
     */
    private double throughput(String label) throws Exception {
        int tasks = intArg("tasks", 500);
        int submitters = intArg("submitters", 16);
        int rounds = intArg("rounds", 3);
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        List<Map<String, Object>> measured = new ArrayList<>();
        System.out.printf("%nthroughput (%s): %d rounds of %d linear_workflow tasks submitted by %d threads (after "
                + "an untimed burst of %d)%n", label, rounds, tasks, submitters, Math.min(tasks, 100));
        try {
            // Untimed first: a fresh client JVM and the services compile their hot paths here, not in the measurement.
            burst(pool, Math.min(tasks, 100));
            for (int round = 1; round <= rounds; round++) {
                measured.add(round(round, burst(pool, tasks)));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Double> rates = measured.stream().map(r -> (Double) r.get("tasks_per_second")).sorted().toList();
        double median = rates.get(rates.size() / 2);
        System.out.printf("  median of %d rounds: %.1f tasks/s, %.1f steps/s (rounds: min %.1f, max %.1f)%n",
                rounds, median, median * 4, rates.get(0), rates.get(rates.size() - 1));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tasks_per_round", tasks);
        entry.put("tasks_per_second", median);
        entry.put("steps_per_second", median * 4);
        entry.put("rounds", measured);
        results.put("throughput", entry);
        long failed = measured.stream().mapToLong(r -> (Integer) r.get("not_complete")).sum();
        if (failed > 0) {
            System.err.println("error: " + failed + " tasks did not complete");
            System.exit(1);
        }
        return median;
    }

    /** The plot of a sustained run from its JSON, e.g. after a change to the plot. */
    private void replot() throws Exception {
        var sustained = http.mapper().readTree(Path.of(args.get("from")).toFile()).path("sustained");
        List<Sustained.Window> windows = new ArrayList<>();
        for (var w : sustained.path("windows")) {
            windows.add(http.mapper().treeToValue(w, Sustained.Window.class));
        }
        writePlot(Path.of(args.getOrDefault("svg", "target/benchmarks/sustained.svg")), windows,
                sustained.path("tasks_per_second").asDouble(), sustained.path("minutes").asInt(),
                sustained.path("window_seconds").asInt());
    }

    private static void writePlot(Path svg, List<Sustained.Window> windows, double rate, int minutes,
            int windowSeconds) throws Exception {
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, LatencyPlot.svg(String.format(java.util.Locale.ROOT,
                "linear_workflow at %.1f tasks/s for %d min: server-side latency per %d s window", rate, minutes,
                windowSeconds), windows, windowSeconds));
        System.out.println("  plot written to " + svg);
    }

    /** Half the peak (or {@code --rate}) for {@code --minutes}: latency per window, a table, JSON and an SVG plot. */
    private void sustained(String label) throws Exception {
        double rate = args.containsKey("rate") ? Double.parseDouble(args.get("rate")) : throughput(label) / 2;
        int minutes = intArg("minutes", 10);
        int windowSeconds = intArg("window-seconds", 30);
        ExecutorService pool = Executors.newFixedThreadPool(intArg("submitters", 16));
        List<Sustained.Window> windows;
        System.out.printf("%nsustained (%s): %.1f linear_workflow tasks/s for %d minutes, latency per %d s window%n",
                label, rate, minutes, windowSeconds);
        try {
            windows = new Sustained(http, pool).run(rate, Duration.ofMinutes(minutes),
                    Duration.ofSeconds(windowSeconds));
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("  %-8s %9s %9s %9s %9s %9s %9s%n", "from s", "sent", "complete", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        for (Sustained.Window w : windows) {
            System.out.printf("  %-8.0f %9d %9d %9.1f %9.1f %9.1f %9.1f%n", w.startSecond(), w.submitted(),
                    w.complete(), w.serverMs().p50(), w.serverMs().p95(), w.serverMs().p99(), w.serverMs().max());
        }
        List<Double> p50s = windows.stream().map(w -> w.serverMs().p50()).toList();
        double first = p50s.get(0);
        double last = p50s.get(p50s.size() - 1);
        System.out.printf("  p50 of the first window %.1f ms, of the last %.1f ms (%+.0f %%); windows' p50 %.1f-%.1f"
                + " ms%n", first, last, first == 0 ? 0 : (last - first) / first * 100, Collections.min(p50s),
                Collections.max(p50s));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("tasks_per_second", rate);
        entry.put("minutes", minutes);
        entry.put("window_seconds", windowSeconds);
        entry.put("windows", windows);
        results.put("sustained", entry);
        writePlot(Path.of(args.getOrDefault("svg", "target/benchmarks/sustained.svg")), windows, rate, minutes,
                windowSeconds);
        long lost = windows.stream().mapToLong(Sustained.Window::notComplete).sum();
        if (lost > 0) {
            System.err.println("error: " + lost + " tasks did not complete");
            System.exit(1);
        }
    }

    private static Map<String, Object> round(int round, Burst burst) {
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
        double serverSeconds = created.isEmpty() ? 0
                : Duration.between(Collections.min(created), Collections.max(completed)).toNanos() / 1e9;
        double tasksPerSecond = created.isEmpty() ? 0 : completed.size() / serverSeconds;
        System.out.printf("  round %d: completed %d, not complete %d; submitted in %.2f s; server-side (first created"
                + " -> last completed) %.2f s: %.1f tasks/s, %.1f steps/s; client wall time %.2f s%n", round,
                completed.size(), failed, burst.submitSeconds(), serverSeconds, tasksPerSecond, tasksPerSecond * 4,
                burst.clientSeconds());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("completed", completed.size());
        entry.put("not_complete", failed);
        entry.put("server_seconds", serverSeconds);
        entry.put("tasks_per_second", tasksPerSecond);
        entry.put("client_seconds", burst.clientSeconds());
        entry.put("submit_seconds", burst.submitSeconds());
        return entry;
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
        byte[] body = http.body(new TaskRequest("linear_workflow", "mathematical_sequence", null, input(),
                "benchmark", null, null, List.of(tag), null, null, null));
        List<Future<Void>> submitted = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            submitted.add(pool.submit(() -> {
                http.createQuietly(body);
                return null;
            }));
        }
        for (Future<Void> f : submitted) {
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
