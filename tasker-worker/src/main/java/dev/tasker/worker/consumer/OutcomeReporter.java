package dev.tasker.worker.consumer;

import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.DatabaseException;
import dev.tasker.runtime.step.ClaimedStep;
import dev.tasker.runtime.step.StepExecutionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reports an attempt's outcome in one statement, trying again while the database is unreachable or the
 * statement lost a deadlock, until the claim's deadline: after it the orchestration's sweeper gives the step up
 * anyway. Without the retries, a report failing during a database restart would leave a finished step
 * in_progress until its timeout.
 */
final class OutcomeReporter {

    private static final Logger LOG = Logger.getLogger(OutcomeReporter.class);
    /** Between tries of a report that failed transiently: 50 ms, doubling up to 2 s. */
    private static final ExponentialBackoff REPORT_RETRY = new ExponentialBackoff(Duration.ofMillis(50),
            Duration.ofSeconds(2), false);

    private final StepExecutionStore store;
    private final ConsumerMeters meters;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    OutcomeReporter(StepExecutionStore store, ConsumerMeters meters) {
        this.store = store;
        this.meters = meters;
    }

    /**
     * Reports the attempt; returns the task's next step when the report claimed it for this worker, which
     * {@code goOn} (null: nothing) allows.
     */
    Optional<StepExecutionStore.Claim> report(ClaimedStep step, long msgId, HandlerRunner.Attempt attempt,
            StepExecutionStore.GoOn goOn) {
        boolean recorded;
        Optional<StepExecutionStore.Claim> next = Optional.empty();
        if (attempt.error() == null) {
            Optional<StepExecutionStore.Applied> applied = untilDeadline(step,
                    () -> store.succeed(step, msgId, attempt.result(), attempt.elapsed(), goOn));
            recorded = applied.isPresent();
            // This report finished the task (the worker applies successes itself).
            applied.map(StepExecutionStore.Applied::taskState).filter(TaskState::isTerminal)
                    .ifPresent(meters::taskFinished);
            next = applied.flatMap(StepExecutionStore.Applied::next);
            next.ifPresent(n -> {
                if (n.msgId() == StepExecutionStore.NO_MESSAGE) {
                    meters.continued();
                } else {
                    meters.takenAtReport();
                }
            });
        } else {
            recorded = untilDeadline(step, () -> store.fail(step, msgId, attempt.error(), attempt.elapsed()));
        }
        processed.incrementAndGet();
        StepOutcome outcome = StepOutcome.of(attempt.error());
        if (outcome != StepOutcome.SUCCESS) {
            failed.incrementAndGet();
        }
        meters.step(outcome);
        if (!recorded) {
            // A late report (the worker was frozen or cut off past its deadline and the step was taken from it):
            // refused by the claim check, counted so that operators and the fault tests can see it happen.
            meters.notRecorded(outcome);
            LOG.warnf("step %s attempt %d: outcome not recorded (the step was reclaimed meanwhile)", step.stepUuid(),
                    step.attempt());
        }
        return next;
    }

    /** Outcomes reported since the consumer started, recorded or not. */
    long processed() {
        return processed.get();
    }

    /** Of those, the failures (timeouts included). */
    long failed() {
        return failed.get();
    }

    private <T> T untilDeadline(ClaimedStep step, Supplier<T> report) {
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
}
