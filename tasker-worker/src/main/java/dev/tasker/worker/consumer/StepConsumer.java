package dev.tasker.worker.consumer;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.WorkerNamespaces;
import dev.tasker.worker.handler.HandlerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Consumes this worker's namespace queues: claims as many messages as it has free slots (bounded concurrency,
 * {@link SlotDispatcher}), runs each step's handler on a pool thread with its timeout enforced by interruption
 * ({@link HandlerRunner}), and reports the outcome in one statement ({@link OutcomeReporter}). A success's report
 * also claims the task's next ready step for the same slot, so a task runs on without going back through the
 * queue ({@link StepChain}). {@link #stop} stops claiming, lets running steps finish within a grace period, then
 * interrupts the rest and hands their steps back, so nothing stays {@code in_progress}.
 */
@ApplicationScoped
public class StepConsumer {

    public enum Status { NEW, RUNNING, STOPPING, STOPPED }

    private static final Logger LOG = Logger.getLogger(StepConsumer.class);

    private final WorkerConfig config;
    private final WorkerNamespaces namespaces;
    private final Db db;
    private final PgQueue queue;
    private final QueueListener listener;
    private final StepExecutionStore store;
    private final HandlerRegistry handlers;
    private final MeterRegistry registry;
    private final ConsumerMeters meters;
    private final RunningSteps running = new RunningSteps();
    private final OutcomeReporter reporter;
    private volatile Status status = Status.NEW;
    private volatile Instant startedAt;
    private HandlerRunner runner;
    private SlotDispatcher dispatcher;

    public StepConsumer(WorkerConfig config, WorkerNamespaces namespaces, Db db, PgQueue queue,
            QueueListener listener, StepExecutionStore store, HandlerRegistry handlers, MeterRegistry registry) {
        this.config = config;
        this.namespaces = namespaces;
        this.db = db;
        this.queue = queue;
        this.listener = listener;
        this.store = store;
        this.handlers = handlers;
        this.registry = registry;
        this.meters = new ConsumerMeters(registry);
        this.reporter = new OutcomeReporter(store, meters);
    }

    public synchronized void start() {
        if (status != Status.NEW) {
            return;
        }
        WorkerConfig.Worker worker = config.worker();
        int concurrency = worker.concurrency();
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalStateException("tasker.worker.concurrency must be 1..256, got " + concurrency);
        }
        Set<String> queues = namespaces.list().stream().map(PgQueue::namespaceQueue)
                .collect(Collectors.toUnmodifiableSet());
        runner = new HandlerRunner(handlers, running, meters, worker.id());
        StepChain chain = new StepChain(runner, reporter, store, running, () -> status == Status.RUNNING,
                worker.id(), new StepExecutionStore.GoOn(worker.id(), queues, worker.visibilityTimeout()));
        dispatcher = new SlotDispatcher(worker, queues, db, queue, listener, store, chain, meters);
        Gauge.builder("tasker_worker_in_flight", running, RunningSteps::size).description("Steps running now")
                .register(registry);
        startedAt = Instant.now();
        status = Status.RUNNING;
        dispatcher.start();
        LOG.infof("worker %s consuming %s with concurrency %d", worker.id(), queues, concurrency);
    }

    /** Stops claiming; running steps get {@code grace} to finish, then are interrupted and handed back. */
    public void stop(Duration grace) {
        synchronized (this) {
            if (status != Status.RUNNING) {
                return;
            }
            status = Status.STOPPING;
        }
        dispatcher.stopClaiming();
        running.awaitNone(grace);
        running.handBackAll(grace);
        if (!dispatcher.close(Duration.ofSeconds(3))) {
            LOG.warnf("%d step handlers ignored interruption; their steps stay in_progress until the "
                    + "orchestration's sweeper times them out", running.size());
        }
        runner.shutdown();
        status = Status.STOPPED;
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
        return running.inNamespace(namespace);
    }

    public long processed() {
        return reporter.processed();
    }

    public long failed() {
        return reporter.failed();
    }
}
