package dev.tasker.worker.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.tasker.api.step.StepError;
import dev.tasker.runtime.step.ClaimedStep;
import dev.tasker.worker.handler.HandlerRegistry;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a step's handler on the calling (slot) thread under the step's timeout: a watchdog interrupts the thread at
 * the deadline, and an attempt it cut short fails as a retryable {@code step_timeout}. Whatever the handler
 * throws becomes the attempt's error, so a handler bug fails its step instead of the slot.
 */
final class HandlerRunner {

    static final String TIMEOUT_ERROR_TYPE = "step_timeout";
    private static final int MAX_ERROR_MESSAGE = 2000;

    /** What an attempt came to: a result, or the error to report (exactly one of them is set). */
    record Attempt(JsonNode result, StepError error, Duration elapsed) {
    }

    private final HandlerRegistry handlers;
    private final RunningSteps running;
    private final ConsumerMeters meters;
    private final String workerId;
    private final ScheduledExecutorService watchdog;

    HandlerRunner(HandlerRegistry handlers, RunningSteps running, ConsumerMeters meters, String workerId) {
        this.handlers = handlers;
        this.running = running;
        this.meters = meters;
        this.workerId = workerId;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                r -> DaemonThreads.daemon(r, "tasker-step-timeouts"));
    }

    /**
     * Runs the step; empty when it must be handed back instead of reported: the consumer was stopping before it
     * started, or stopped and interrupted it.
     */
    Optional<Attempt> run(ClaimedStep step, long msgId) {
        Optional<RunningStep> registered = running.begin(step, msgId);
        if (registered.isEmpty()) {
            // Claimed after stop() handed back what was running (so it may not have seen this one), and the
            // watchdog may be shut down already.
            return Optional.empty();
        }
        RunningStep run = registered.get();
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
            running.end(run);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        meters.handlerDuration(step.handler(), elapsed);
        if (run.released()) {
            return Optional.empty();
        }
        if (error != null && run.timedOut()) {
            error = new StepError("step exceeded its timeout of " + step.timeoutSeconds() + " s and was interrupted",
                    TIMEOUT_ERROR_TYPE, true);
        }
        return Optional.of(new Attempt(result, error, elapsed));
    }

    /** Cancels the pending timeouts; called once no handler runs any more. */
    void shutdown() {
        watchdog.shutdownNow();
    }

    private JsonNode invoke(ClaimedStep step) throws Exception {
        StepHandler handler = handlers.find(step.handler()).orElseThrow(() -> StepFailure.permanent(
                "handler_not_found", "worker " + workerId + " has no handler '" + step.handler() + "'"));
        StepContext context = new StepContext(step.taskUuid(), step.stepUuid(), step.namespace(), step.taskName(),
                step.taskVersion(), step.stepName(), step.taskContext(), step.parentResults(), step.attempt(),
                step.retryLimit(), Instant.now().plusSeconds(step.timeoutSeconds()), step.handlerConfig());
        JsonNode result = handler.handle(context);
        return result == null ? NullNode.instance : result;
    }

    private static String truncate(String message) {
        String m = message == null ? "" : message;
        return m.length() <= MAX_ERROR_MESSAGE ? m : m.substring(0, MAX_ERROR_MESSAGE) + "...";
    }
}
