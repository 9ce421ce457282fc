package dev.tasker.workers.java.worker;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.consumer.StepConsumer;
import dev.tasker.worker.handler.HandlerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds step consumers beside the application's own, from the application's real beans, as a second worker
 * process on the same database would run one.
 */
@ApplicationScoped
public class SecondWorker {

    private final WorkerConfig config;
    private final Db db;
    private final PgQueue queue;
    private final QueueListener listener;
    private final StepExecutionStore store;
    private final HandlerRegistry handlers;
    private final MeterRegistry metrics;

    public SecondWorker(WorkerConfig config, Db db, PgQueue queue, QueueListener listener,
            StepExecutionStore store, HandlerRegistry handlers, MeterRegistry metrics) {
        this.config = config;
        this.db = db;
        this.queue = queue;
        this.listener = listener;
        this.store = store;
        this.handlers = handlers;
        this.metrics = metrics;
    }

    /** The application's settings under another worker id. */
    public TestWorkerConfig config(String workerId) {
        return TestWorkerConfig.of(config, workerId);
    }

    /** A consumer that is not started yet. */
    public StepConsumer consumer(WorkerConfig workerConfig) {
        return new StepConsumer(workerConfig, db, queue, listener, store, handlers, metrics);
    }
}
