package dev.tasker.worker.consumer;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.ConsumerLoop;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.queue.Wakeup;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.worker.WorkerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps a fixed number of slots busy: each round claims, in one statement, as many messages as slots are free
 * and starts each claim's {@link StepChain} on a pool thread, which holds its slot until the chain ends. Woken by
 * NOTIFY on the queues, with a fallback poll.
 */
final class SlotDispatcher {

    private static final Logger LOG = Logger.getLogger(SlotDispatcher.class);

    private final WorkerConfig.Worker worker;
    private final Set<String> queues;
    private final StepExecutionStore store;
    private final QueueListener listener;
    private final StepChain chain;
    private final ConsumerMeters meters;
    private final Semaphore slots;
    private final ExecutorService pool;
    private final Wakeup wakeup = new Wakeup();
    private final ConsumerLoop loop;
    private final Thread thread;

    SlotDispatcher(WorkerConfig.Worker worker, Set<String> queues, Db db, PgQueue queue, QueueListener listener,
            StepExecutionStore store, StepChain chain, ConsumerMeters meters) {
        this.worker = worker;
        this.queues = queues;
        this.store = store;
        this.listener = listener;
        this.chain = chain;
        this.meters = meters;
        this.slots = new Semaphore(worker.concurrency());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(worker.concurrency(),
                r -> DaemonThreads.daemon(r, "tasker-step-" + n.incrementAndGet()));
        this.loop = new ConsumerLoop("step-consumer " + worker.id(), this::round,
                () -> db.read(c -> queue.nextVisibleAt(c, queues)), wakeup, worker.fallbackPoll());
        this.thread = DaemonThreads.daemon(loop, "tasker-step-dispatcher");
    }

    void start() {
        listener.register(queues, wakeup);
        thread.start();
    }

    /** Claims nothing more; a claim under way may still land (and its chain hands it back). */
    void stopClaiming() {
        loop.stop();
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the slots' handlers end, at most {@code max}; false when some ignored their interruption. */
    boolean close(Duration max) {
        pool.shutdown();
        try {
            return pool.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            listener.unregister(wakeup);
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    int round() throws InterruptedException {
        if (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
            return 1; // every slot busy: check again (a finishing step releases one)
        }
        int permits = 1 + slots.drainPermits();
        StepExecutionStore.Batch batch;
        try {
            batch = store.claimNext(queues, permits, worker.visibilityTimeout(), worker.id());
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
            meters.staleMessages(batch.staleMessages());
        }
        for (StepExecutionStore.Claim claim : claims) {
            try {
                pool.execute(() -> {
                    // No wake-up when the slot frees: a dispatcher short of slots waits on the semaphore, and an
                    // idle one is woken by the NOTIFY of the next message.
                    try {
                        chain.run(claim);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException stopped) {
                chain.handBack(claim);
                slots.release();
            }
        }
        // Fewer messages than free slots: the queue had no more visible ones, so go idle (until a NOTIFY or the
        // next delayed message) without an empty claim first.
        return batch.messages() < permits ? 0 : batch.messages();
    }
}
