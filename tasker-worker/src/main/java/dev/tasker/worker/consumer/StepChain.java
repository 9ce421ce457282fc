package dev.tasker.worker.consumer;

import dev.tasker.runtime.step.StepExecutionStore;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * What a slot does with a claimed step: runs it, reports it, and goes on in the same slot with whatever the
 * report handed this worker (the task's next step, or the next message of its queues) until there is none. A
 * consumer that is stopping starts nothing new: what it holds is handed back.
 */
final class StepChain {

    private static final Logger LOG = Logger.getLogger(StepChain.class);

    private final HandlerRunner runner;
    private final OutcomeReporter reporter;
    private final StepExecutionStore store;
    private final RunningSteps running;
    private final BooleanSupplier consuming;
    private final String workerId;
    private final StepExecutionStore.GoOn goOn;

    /**
     * @param consuming whether the consumer still takes new work (false from the moment it starts stopping)
     * @param goOn what a success's report may claim for this worker
     */
    StepChain(HandlerRunner runner, OutcomeReporter reporter, StepExecutionStore store, RunningSteps running,
            BooleanSupplier consuming, String workerId, StepExecutionStore.GoOn goOn) {
        this.runner = runner;
        this.reporter = reporter;
        this.store = store;
        this.running = running;
        this.consuming = consuming;
        this.workerId = workerId;
        this.goOn = goOn;
    }

    void run(StepExecutionStore.Claim first) {
        StepExecutionStore.Claim current = first;
        while (current != null) {
            try {
                current = execute(current).orElse(null);
                if (current != null && current.msgId() != StepExecutionStore.NO_MESSAGE
                        && !consuming.getAsBoolean()) {
                    // Taken from the queue by a report that raced stop(): a stopping worker starts no new work.
                    handBack(current);
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
    void handBack(StepExecutionStore.Claim claim) {
        store.release(claim.step(), claim.msgId(), "worker " + workerId + " shutting down");
    }

    /** Runs one step and reports it; returns the task's next step when the report claimed it for this worker. */
    private Optional<StepExecutionStore.Claim> execute(StepExecutionStore.Claim claim) {
        Optional<HandlerRunner.Attempt> attempt = runner.run(claim.step(), claim.msgId());
        if (attempt.isEmpty()) {
            handBack(claim);
            return Optional.empty();
        }
        // Going on with the task saves the next step a queue round (message, NOTIFY, claim), and taking the next
        // message in the report saves a busy slot its own claim. Neither while stopping.
        boolean mayGoOn = consuming.getAsBoolean() && !running.handingBack();
        return reporter.report(claim.step(), claim.msgId(), attempt.get(), mayGoOn ? goOn : null);
    }
}
