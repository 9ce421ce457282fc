package dev.tasker.worker.consumer;

import dev.tasker.api.step.StepError;

/** How an attempt ended, as the {@code outcome} tag of the worker's step counters names it. */
enum StepOutcome {
    SUCCESS("success"),
    FAILURE("failure"),
    TIMEOUT("timeout");

    final String tag;

    StepOutcome(String tag) {
        this.tag = tag;
    }

    static StepOutcome of(StepError error) {
        if (error == null) {
            return SUCCESS;
        }
        return HandlerRunner.TIMEOUT_ERROR_TYPE.equals(error.errorType()) ? TIMEOUT : FAILURE;
    }
}
