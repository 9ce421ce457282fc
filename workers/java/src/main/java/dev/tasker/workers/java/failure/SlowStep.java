package dev.tasker.workers.java.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Exercises step timeouts: sleeps {@code sleep_ms}, then returns {@code {slept_ms}}. The sleep is the point of
 * the step, and it must end as soon as the worker interrupts the thread at the step's deadline.
 */
@ApplicationScoped
@Named(SlowStep.NAME)
public class SlowStep implements StepHandler {

    public static final String NAME = "failure_workflow.slow";
    static final String FIELD = "sleep_ms";
    static final int DEFAULT_SLEEP_MS = 100;
    static final int MAX_SLEEP_MS = 600_000;

    @Override
    public JsonNode handle(StepContext context) {
        int sleepMs = ContextInts.read(context.taskContext(), FIELD, DEFAULT_SLEEP_MS, 0, MAX_SLEEP_MS);
        try {
            Thread.sleep(sleepMs);
        } catch (InterruptedException e) {
            // Restored so the worker that interrupted us (the timeout) still sees the interruption.
            Thread.currentThread().interrupt();
            throw StepFailure.retryable("interrupted", "step '" + context.stepName() + "' was interrupted during its "
                    + sleepMs + " ms sleep (the step timed out or the worker is stopping)");
        }
        return JsonNodeFactory.instance.objectNode().put("slept_ms", sleepMs);
    }
}
