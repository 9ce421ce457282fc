package dev.tasker.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Sustained load: linear tasks created at a fixed rate for minutes, and each window's server-side latency
 * (created_at to completed_at). Open loop: a task is sent at its time whether or not the ones before have finished,
 * so a slowing service shows as rising latency instead of as a slower generator. Each window's tasks carry a tag of
 * their own, so a window is read back by one filter once the run is over.
 */
final class Sustained {

    /** One window of the run: how many tasks it sent and how long they took, in ms. */
    record Window(int index, double startSecond, int submitted, int complete, int notComplete, Percentiles serverMs) {
    }

    private final Http http;
    private final ExecutorService pool;

    Sustained(Http http, ExecutorService pool) {
        this.http = http;
        this.pool = pool;
    }

    List<Window> run(double ratePerSecond, Duration length, Duration window) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int windows = (int) Math.max(1, length.toSeconds() / window.toSeconds());
        long total = Math.round(ratePerSecond * length.toSeconds());
        long intervalNanos = Math.round(1e9 / ratePerSecond);
        int[] submitted = new int[windows];
        byte[][] bodies = new byte[windows][];
        for (int w = 0; w < windows; w++) {
            bodies[w] = http.body(new TaskRequest("linear_workflow", "mathematical_sequence", null,
                    JsonNodeFactory.instance.objectNode().put("even_number", 6), "sustained", null, null,
                    List.of(tag(run, w)), null, null, null));
        }
        AtomicInteger failedCreates = new AtomicInteger();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int w = (int) Math.min(windows - 1, (due - start) / window.toNanos());
            submitted[w]++;
            byte[] body = bodies[w];
            pool.execute(() -> {
                try {
                    http.createQuietly(body);
                } catch (IOException e) {
                    failedCreates.incrementAndGet();
                    firstFailure.compareAndSet(null, e);
                }
            });
        }
        // One deadline for every window: a window read after it takes what there is.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<Window> out = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            out.add(read(run, w, submitted[w], w * (double) window.toSeconds(), deadline));
        }
        // Checked once every window's tasks are in: creates still in flight when the last was sent have ended.
        if (failedCreates.get() > 0) {
            throw new IllegalStateException(failedCreates.get() + " creates failed; the first: "
                    + firstFailure.get().getMessage());
        }
        return out;
    }

    private static String tag(String run, int window) {
        return "sustained-" + run + "-w" + window;
    }

    /** A window's tasks once all are terminal (at most 5 minutes after the run), or what there is then. */
    private Window read(String run, int w, int submitted, double startSecond, long deadline) throws Exception {
        String tag = tag(run, w);
        while (http.list(tag, "complete", 1, 1).pagination().totalCount() < submitted
                && http.list(tag, "error", 1, 1).pagination().totalCount() == 0) {
            if (System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        List<Double> ms = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<TaskSummary> batch = http.list(tag, null, page, 100).tasks();
            for (TaskSummary t : batch) {
                if (t.status() == TaskState.COMPLETE) {
                    ms.add(Duration.between(t.createdAt(), t.completedAt()).toNanos() / 1e6);
                }
            }
            if (batch.size() < 100) {
                break;
            }
        }
        // Not complete: failed, still running at the deadline, or never stored.
        return new Window(w, startSecond, submitted, ms.size(), submitted - ms.size(), Percentiles.of(ms));
    }
}
