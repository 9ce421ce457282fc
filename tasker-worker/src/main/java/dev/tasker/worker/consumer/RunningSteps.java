package dev.tasker.worker.consumer;

import dev.tasker.runtime.step.ClaimedStep;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The steps a consumer's handlers run now. Shared by the slot threads, which add and remove their steps, and
 * {@link StepConsumer#stop}, which waits for them to finish and then hands back the rest.
 */
final class RunningSteps {

    private static final Logger LOG = Logger.getLogger(RunningSteps.class);

    private final Map<UUID, RunningStep> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byNamespace = new ConcurrentHashMap<>();
    /** Set once the grace period of a stop is over: from then on every step is handed back. */
    private volatile boolean handingBack;

    /**
     * Registers a step about to run on the calling thread; empty when it must be handed back unstarted instead.
     * The step is added before the hand-back flag is read (and {@link #handBackAll} sets the flag before it
     * looks), so a step claimed while the consumer stops is either seen and released there or refused here.
     */
    Optional<RunningStep> begin(ClaimedStep step, long msgId) {
        RunningStep run = new RunningStep(step, msgId, Thread.currentThread());
        running.put(step.stepUuid(), run);
        if (handingBack) {
            run.finish();
            running.remove(step.stepUuid());
            return Optional.empty();
        }
        byNamespace.computeIfAbsent(step.namespace(), k -> new AtomicInteger()).incrementAndGet();
        return Optional.of(run);
    }

    /** The step's handler has returned; wakes a stop waiting for the running steps to finish. */
    void end(RunningStep run) {
        run.finish();
        byNamespace.get(run.step.namespace()).decrementAndGet();
        synchronized (running) {
            running.remove(run.step.stepUuid());
            running.notifyAll();
        }
    }

    /** Waits until no step runs any more, at most {@code max}. */
    void awaitNone(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
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
    }

    /** Interrupts every step still running, and refuses those that would start, so that all are handed back. */
    void handBackAll(Duration grace) {
        handingBack = true;
        if (!running.isEmpty()) {
            LOG.warnf("handing back %d steps still running after %d ms", running.size(), grace.toMillis());
            running.values().forEach(RunningStep::release);
        }
    }

    boolean handingBack() {
        return handingBack;
    }

    int size() {
        return running.size();
    }

    int inNamespace(String namespace) {
        AtomicInteger n = byNamespace.get(namespace);
        return n == null ? 0 : n.get();
    }
}
