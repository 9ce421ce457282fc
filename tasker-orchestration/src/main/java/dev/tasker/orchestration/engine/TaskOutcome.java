package dev.tasker.orchestration.engine;

import dev.tasker.api.state.TaskState;

/**
 * The task state that follows from its steps' states after an evaluation. Permanent failures stop new steps
 * from starting; the task waits for steps still in flight ({@code blocked_by_failures}) and ends in
 * {@code error} when none are left.
 */
public record TaskOutcome(int total, int done, int resolved, int failed, int inFlight, int retrying) {

    public TaskState state() {
        if (total > 0 && done == total) {
            return resolved > 0 ? TaskState.RESOLVED_MANUALLY : TaskState.COMPLETE;
        }
        if (failed > 0) {
            return inFlight > 0 ? TaskState.BLOCKED_BY_FAILURES : TaskState.ERROR;
        }
        if (inFlight > 0) {
            return TaskState.STEPS_IN_PROCESS;
        }
        if (retrying > 0) {
            return TaskState.WAITING_FOR_RETRY;
        }
        return TaskState.WAITING_FOR_DEPENDENCIES;
    }
}
