package dev.tasker.workers.java.failure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Exercises the no-retry path: every attempt fails with a non-retryable error. */
@ApplicationScoped
@Named(PermanentFailureStep.NAME)
public class PermanentFailureStep implements StepHandler {

    public static final String NAME = "failure_workflow.permanent_failure";

    @Override
    public JsonNode handle(StepContext context) {
        throw StepFailure.permanent("permanent_error", "this step always fails permanently");
    }
}
