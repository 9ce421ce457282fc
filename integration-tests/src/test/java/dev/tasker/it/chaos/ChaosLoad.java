package dev.tasker.it.chaos;

import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.client.error.ConflictException;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TestRun;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop mixed load: at a fixed rate, a task of a kind drawn from the mix, created as a client that must not
 * lose or duplicate work does it: with an idempotency key, asked again with the same key until the orchestration
 * answers (it may be down, restarting or cut off from its database). Cancels of the CANCELLED kind are retried the
 * same way. At most {@link #IN_FLIGHT} requests are open at once; a tick finding none free is skipped and counted,
 * so an outage does not pile up an unbounded backlog.
 */
final class ChaosLoad {

    static final int IN_FLIGHT = 16;
    /** Longer than any outage a fault causes: a request still unanswered then is a liveness failure. */
    static final Duration ANSWER_DEADLINE = Duration.ofMinutes(3);

    private final TestRun run;
    private final Random random;
    private final Duration period;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Semaphore free = new Semaphore(IN_FLIGHT);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger retriedRequests = new AtomicInteger();
    private final Map<UUID, SubmittedTask> submitted = new ConcurrentHashMap<>();
    private final Map<String, UUID> byKey = new ConcurrentHashMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();

    ChaosLoad(TestRun run, Random random, double tasksPerSecond) {
        this.run = run;
        this.random = random;
        this.period = Duration.ofNanos((long) (1e9 / tasksPerSecond));
    }

    void start() {
        ticks.scheduleAtFixedRate(this::tick, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Returns once the load has run for {@code length}: its ticks end then. */
    void awaitLoadEnd(Duration length) throws InterruptedException {
        ticks.schedule(ticks::shutdown, length.toNanos(), TimeUnit.NANOSECONDS);
        if (!ticks.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS)) {
            failures.add("the load's ticks did not end a minute after its " + length.toMinutes() + " min");
        }
    }

    /** Stops creating and waits for the requests under way (each is bounded by {@link #ANSWER_DEADLINE}). */
    void stop() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
        clients.shutdown();
        if (!clients.awaitTermination(ANSWER_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS)) {
            failures.add("requests still open " + (ANSWER_DEADLINE.toSeconds() + 30) + " s after the load stopped");
            clients.shutdownNow();
        }
    }

    private void tick() {
        // Drawn here, on the one tick thread, so that a seed gives the same mix.
        TaskKind kind = TaskKind.draw(random);
        int n = kind.drawN(random);
        if (!free.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        String key = run.id() + "-" + sequence.incrementAndGet();
        clients.execute(() -> {
            try {
                submit(key, kind, n);
            } catch (AssertionError | RuntimeException e) {
                failures.add(kind + " " + key + ": " + e.getMessage());
            } finally {
                free.release();
            }
        });
    }

    private void submit(String key, TaskKind kind, int n) {
        TaskRequest request = run.mark(TaskRequest.of(kind.template().namespace(), kind.template().name(),
                kind.context(n))).withIdempotencyKey(key);
        AtomicInteger asked = new AtomicInteger();
        TaskResponse created = Poll.of("the create of " + kind + " with idempotency key " + key + " to be answered",
                        () -> {
                            asked.incrementAndGet();
                            return run.stack().orchestration().createTask(request);
                        })
                .every(Duration.ofMillis(250)).until(t -> t != null, ANSWER_DEADLINE);
        countRetries(asked);
        UUID previous = byKey.putIfAbsent(key, created.taskUuid());
        if (previous != null && !previous.equals(created.taskUuid())) {
            failures.add("idempotency key " + key + " answered with two tasks: " + previous + ", "
                    + created.taskUuid());
        }
        Expected expected = kind == TaskKind.CANCELLED ? cancel(created.taskUuid(), kind.expected(n))
                : kind.expected(n);
        submitted.put(created.taskUuid(), new SubmittedTask(created.taskUuid(), kind, n, expected));
    }

    /** Cancels until answered: 200 means cancelled; 409 means it had ended (or our unanswered cancel landed). */
    private Expected cancel(UUID task, Expected ifTooLate) {
        AtomicInteger asked = new AtomicInteger();
        Expected answer = Poll.of("the cancel of task " + task + " to be answered", () -> {
            asked.incrementAndGet();
            try {
                run.stack().orchestration().cancelTask(task);
                return (Expected) new Expected.Cancelled();
            } catch (ConflictException e) {
                return new Expected.CancelledOrCompletes((Expected.Completes) ifTooLate);
            }
        }).every(Duration.ofMillis(250)).until(e -> e != null, ANSWER_DEADLINE);
        countRetries(asked);
        return answer;
    }

    private void countRetries(AtomicInteger asked) {
        if (asked.get() > 1) {
            retriedRequests.incrementAndGet();
        }
    }

    List<SubmittedTask> submitted() {
        return List.copyOf(submitted.values());
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    int skippedTicks() {
        return skipped.get();
    }

    /** Requests (creates and cancels) answered only after being asked more than once. */
    int retriedRequests() {
        return retriedRequests.get();
    }
}
