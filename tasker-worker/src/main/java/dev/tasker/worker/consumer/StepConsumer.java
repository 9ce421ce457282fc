package dev.tasker.worker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepError;
import dev.tasker.runtime.db.DatabaseException;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.ConsumerLoop;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.queue.Wakeup;
import dev.tasker.runtime.step.ClaimedStep;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.handler.HandlerRegistry;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Consumes this worker's namespace queues: claims as many messages as it has free slots (bounded concurrency),
 * runs each step's handler on a pool thread with its timeout enforced by interruption, and reports the outcome
 * in one statement. A success's report also claims the task's next ready step for the same slot, so a task runs
 * on without going back through the queue. Woken by NOTIFY, with a fallback poll. {@link #stop} stops claiming,
 * lets running steps finish within a grace period, then interrupts the rest and hands their steps back, so
 * nothing stays {@code in_progress}.
 */
@ApplicationScoped
public class StepConsumer {

    public enum Status { NEW, RUNNING, STOPPING, STOPPED }

    private static final Logger LOG = Logger.getLogger(StepConsumer.class);
    private static final int MAX_ERROR_MESSAGE = 2000;
    /** Between tries of a report that failed transiently: 50 ms, doubling up to 2 s. */
    private static final ExponentialBackoff REPORT_RETRY = new ExponentialBackoff(Duration.ofMillis(50),
            Duration.ofSeconds(2), false);

    private final WorkerConfig config;
    private final Db db;
    private final PgQueue queue;
    private final QueueListener listener;
    private final StepExecutionStore store;
    private final HandlerRegistry handlers;
    private final MeterRegistry metrics;
    private final Map<UUID, RunningStep> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightByNamespace = new ConcurrentHashMap<>();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Wakeup wakeup = new Wakeup();
    private volatile Status status = Status.NEW;
    /** Set by {@link #stop} once the grace period is over: from then on every step is handed back. */
    private volatile boolean handingBack;
    private volatile Instant startedAt;
    private Semaphore slots;
    private ExecutorService pool;
    private ScheduledExecutorService watchdog;
    private ConsumerLoop loop;
    private Thread dispatcher;
    private Set<String> queues;

    public StepConsumer(WorkerConfig config, Db db, PgQueue queue, QueueListener listener, StepExecutionStore store,
            HandlerRegistry handlers, MeterRegistry metrics) {
        this.config = config;
        this.db = db;
        this.queue = queue;
        this.listener = listener;
        this.store = store;
        this.handlers = handlers;
        this.metrics = metrics;
    }

    public synchronized void start() {
        if (status != Status.NEW) {
            return;
        }
        int concurrency = config.worker().concurrency();
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalStateException("tasker.worker.concurrency must be 1..256, got " + concurrency);
        }
        queues = config.namespaces().stream().map(PgQueue::namespaceQueue).collect(Collectors.toUnmodifiableSet());
        slots = new Semaphore(concurrency);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "tasker-step-" + n.incrementAndGet()));
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tasker-step-timeouts"));
        Gauge.builder("tasker_worker_in_flight", running, Map::size).description("Steps running now")
                .register(metrics);
        listener.register(queues, wakeup);
        loop = new ConsumerLoop("step-consumer " + config.worker().id(), this::round,
                () -> db.read(c -> queue.nextVisibleAt(c, queues)), wakeup, config.worker().fallbackPoll());
        dispatcher = daemon(loop, "tasker-step-dispatcher");
        startedAt = Instant.now();
        status = Status.RUNNING;
        dispatcher.start();
        LOG.infof("worker %s consuming %s with concurrency %d", config.worker().id(), queues, concurrency);
    }

    /** Stops claiming; running steps get {@code grace} to finish, then are interrupted and handed back. */
    public void stop(Duration grace) {
        synchronized (this) {
            if (status != Status.RUNNING) {
                return;
            }
            status = Status.STOPPING;
        }
        loop.stop();
        join(dispatcher, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (running) {
            while (!running.isEmpty() && System.nanoTime() < deadline) {
                try {
                    running.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        handingBack = true;
        if (!running.isEmpty()) {
            LOG.warnf("handing back %d steps still running after %d ms", running.size(), grace.toMillis());
            running.values().forEach(RunningStep::release);
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(3, TimeUnit.SECONDS)) {
                LOG.warnf("%d step handlers ignored interruption; their steps stay in_progress until the "
                        + "orchestration's sweeper times them out", running.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
        listener.unregister(wakeup);
        status = Status.STOPPED;
    }

    int round() throws InterruptedException {
        if (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
            return 1; // every slot busy: check again (a finishing step releases one)
        }
        int permits = 1 + slots.drainPermits();
        StepExecutionStore.Batch batch;
        try {
            batch = store.claimNext(queues, permits, config.worker().visibilityTimeout(), config.worker().id());
        } catch (RuntimeException e) {
            slots.release(permits);
            throw e;
        }
        List<StepExecutionStore.Claim> claims = batch.claims();
        if (claims.size() > permits) {
            // Never expected (the claim is bounded), but slots must stay exact: the surplus goes back unstarted.
            LOG.warnf("claimed %d steps for %d free slots; handing %d back", claims.size(), permits,
                    claims.size() - permits);
            for (StepExecutionStore.Claim surplus : claims.subList(permits, claims.size())) {
                store.release(surplus.step(), surplus.msgId(), "more claimed than free slots");
            }
            claims = claims.subList(0, permits);
        }
        slots.release(permits - claims.size());
        if (batch.staleMessages() > 0) {
            // Not enqueued any more (a duplicate delivery, or cancelled/resolved meanwhile): nothing to run.
            metrics.counter("tasker_worker_stale_messages_total").increment(batch.staleMessages());
        }
        for (StepExecutionStore.Claim claim : claims) {
            try {
                pool.execute(() -> {
                    // No wake-up when the slot frees: a dispatcher short of slots waits on the semaphore, and an
                    // idle one is woken by the NOTIFY of the next message.
                    try {
                        runChain(claim);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException stopped) {
                handBack(claim.step(), claim.msgId());
                slots.release();
            }
        }
        // Fewer messages than free slots: the queue had no more visible ones, so go idle (until a NOTIFY or the
        // next delayed message) without an empty claim first.
        return batch.messages() < permits ? 0 : batch.messages();
    }

    /**
     * Runs a claimed step, then, in the same slot, whatever its report handed this worker: the task's next step, or
     * the next message of its queues.
     */
    private void runChain(StepExecutionStore.Claim first) {
        StepExecutionStore.Claim current = first;
        while (current != null) {
            try {
                current = execute(current).orElse(null);
                if (current != null && current.msgId() != StepExecutionStore.NO_MESSAGE && status != Status.RUNNING) {
                    // Taken from the queue by a report that raced stop(): a stopping worker starts no new work.
                    handBack(current.step(), current.msgId());
                    current = null;
                }
            } catch (RuntimeException e) {
                // The step stays in_progress; the orchestration's sweeper times it out and retries it.
                LOG.errorf(e, "step %s failed", current.step().stepUuid());
                current = null;
            }
        }
    }

    /** Gives a claimed step back unstarted or unfinished, because this worker is stopping. */
    private void handBack(ClaimedStep step, long msgId) {
        store.release(step, msgId, "worker " + config.worker().id() + " shutting down");
    }

    /** Runs one step and reports it; returns the task's next step when the report claimed it for this worker. */
    private Optional<StepExecutionStore.Claim> execute(StepExecutionStore.Claim claim) {
        ClaimedStep step = claim.step();
        UUID stepUuid = step.stepUuid();
        long msgId = claim.msgId();
        RunningStep run = new RunningStep(step, msgId, Thread.currentThread());
        running.put(stepUuid, run);
        if (handingBack) {
            // Claimed after stop() handed back what was running (so it may not have seen this one), and the
            // watchdog may be shut down already: hand it back unstarted.
            run.finish();
            running.remove(stepUuid);
            handBack(step, msgId);
            return Optional.empty();
        }
        AtomicInteger nsInFlight = inFlightByNamespace.computeIfAbsent(step.namespace(), k -> new AtomicInteger());
        nsInFlight.incrementAndGet();
        long start = System.nanoTime();
        ScheduledFuture<?> timeout = watchdog.schedule(run::timeOut, step.timeoutSeconds(), TimeUnit.SECONDS);
        JsonNode result = null;
        StepError error = null;
        try {
            result = invoke(step);
        } catch (StepFailure f) {
            error = new StepError(truncate(f.getMessage()), f.errorType(), f.retryable());
        } catch (InterruptedException e) {
            error = new StepError("interrupted", "interrupted", true);
        } catch (Exception e) {
            error = new StepError(truncate(e.getClass().getName() + ": " + e.getMessage()),
                    e.getClass().getSimpleName(), true);
        } finally {
            timeout.cancel(false);
            run.finish();
            nsInFlight.decrementAndGet();
            synchronized (running) {
                running.remove(stepUuid);
                running.notifyAll();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Timer.builder("tasker_worker_handler_duration_seconds").tag("handler", step.handler())
                .publishPercentileHistogram().register(metrics).record(elapsed);
        if (run.released()) {
            handBack(step, msgId);
            return Optional.empty();
        }
        if (error != null && run.timedOut()) {
            error = new StepError("step exceeded its timeout of " + step.timeoutSeconds() + " s and was interrupted",
                    "step_timeout", true);
        }
        JsonNode okResult = result;
        StepError failure = error;
        boolean recorded;
        Optional<StepExecutionStore.Claim> next = Optional.empty();
        if (failure == null) {
            // Going on with the task saves the next step a queue round (message, NOTIFY, claim), and taking the next
            // message in the report saves a busy slot its own claim. Neither while stopping.
            StepExecutionStore.GoOn goOn = status == Status.RUNNING && !handingBack
                    ? new StepExecutionStore.GoOn(config.worker().id(), queues, config.worker().visibilityTimeout())
                    : null;
            Optional<StepExecutionStore.Applied> applied = reportUntilDeadline(step,
                    () -> store.succeed(step, msgId, okResult, elapsed, goOn));
            recorded = applied.isPresent();
            // This report finished the task (the worker applies successes itself).
            applied.map(StepExecutionStore.Applied::taskState).filter(TaskState::isTerminal).ifPresent(s -> metrics
                    .counter("tasker_worker_tasks_finished_total", "status", s.wire()).increment());
            next = applied.flatMap(StepExecutionStore.Applied::next);
            next.ifPresent(n -> metrics.counter(n.msgId() == StepExecutionStore.NO_MESSAGE
                    ? "tasker_worker_steps_continued_total" : "tasker_worker_steps_taken_at_report_total").increment());
        } else {
            recorded = reportUntilDeadline(step, () -> store.fail(step, msgId, failure, elapsed));
        }
        processed.incrementAndGet();
        String outcome = error == null ? "success" : "step_timeout".equals(error.errorType()) ? "timeout" : "failure";
        if (error != null) {
            failed.incrementAndGet();
        }
        metrics.counter("tasker_worker_steps_total", "outcome", outcome).increment();
        if (!recorded) {
            // A late report (the worker was frozen or cut off past its deadline and the step was taken from it):
            // refused by the claim check, counted so that operators and the fault tests can see it happen.
            metrics.counter("tasker_worker_outcomes_not_recorded_total", "outcome", outcome).increment();
            LOG.warnf("step %s attempt %d: outcome not recorded (the step was reclaimed meanwhile)", stepUuid,
                    step.attempt());
        }
        return next;
    }

    /**
     * Reports an outcome, trying again while the database is unreachable or the statement lost a deadlock, until
     * the claim's deadline: after it the orchestration's sweeper gives the step up anyway. Without this, a report
     * failing during a database restart would leave a finished step in_progress until its timeout.
     */
    private <T> T reportUntilDeadline(ClaimedStep step, Supplier<T> report) {
        for (int retry = 1; ; retry++) {
            try {
                return report.get();
            } catch (DatabaseException e) {
                Instant giveUpAt = step.deadline() == null ? Instant.now() : step.deadline();
                long pauseMillis = REPORT_RETRY.delay(retry).toMillis();
                if (!e.isTransient() || Instant.now().plusMillis(pauseMillis).isAfter(giveUpAt)) {
                    throw e;
                }
                LOG.warnf("step %s attempt %d: report failed (%s), trying again in %d ms", step.stepUuid(),
                        step.attempt(), e.getMessage(), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private JsonNode invoke(ClaimedStep step) throws Exception {
        StepHandler handler = handlers.find(step.handler()).orElseThrow(() -> StepFailure.permanent(
                "handler_not_found", "worker " + config.worker().id() + " has no handler '" + step.handler() + "'"));
        StepContext context = new StepContext(step.taskUuid(), step.stepUuid(), step.namespace(), step.taskName(),
                step.taskVersion(), step.stepName(), step.taskContext(), step.parentResults(), step.attempt(),
                step.retryLimit(), Instant.now().plusSeconds(step.timeoutSeconds()), step.handlerConfig());
        JsonNode result = handler.handle(context);
        return result == null ? NullNode.instance : result;
    }

    public Status status() {
        return status;
    }

    public boolean isRunning() {
        return status == Status.RUNNING && dispatcher != null && dispatcher.isAlive();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int inFlight() {
        return running.size();
    }

    public int inFlight(String namespace) {
        AtomicInteger n = inFlightByNamespace.get(namespace);
        return n == null ? 0 : n.get();
    }

    public long processed() {
        return processed.get();
    }

    public long failed() {
        return failed.get();
    }

    private static String truncate(String message) {
        String m = message == null ? "" : message;
        return m.length() <= MAX_ERROR_MESSAGE ? m : m.substring(0, MAX_ERROR_MESSAGE) + "...";
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void join(Thread t, Duration max) {
        try {
            t.join(max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
