package dev.tasker.workers.java.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Exercises retries: fails retryably on its first {@code fail_times} attempts, then returns {@code {attempts}}.
 * Keyed on the attempt number the orchestrator passes in, so it needs no state of its own.
 */
@ApplicationScoped
@Named(FlakyStep.NAME)
public class FlakyStep implements StepHandler {

    public static final String NAME = "failure_workflow.flaky";
    static final String FIELD = "fail_times";
    static final int DEFAULT_FAIL_TIMES = 2;
    static final int MAX_FAIL_TIMES = 1000;

    @Override
    public JsonNode handle(StepContext context) {
        int failTimes = ContextInts.read(context.taskContext(), FIELD, DEFAULT_FAIL_TIMES, 0, MAX_FAIL_TIMES);
        if (context.attempt() <= failTimes) {
            throw StepFailure.retryable("transient_error", "simulated transient failure: attempt "
                    + context.attempt() + " of fail_times " + failTimes + " fails on purpose");
        }
        return JsonNodeFactory.instance.objectNode().put("attempts", context.attempt());
    }
}
