package dev.tasker.cli.task;

import dev.tasker.api.state.StepState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What changed between successive reads of one task, as {@link WatchEvent}s; the first read reports everything. */
final class TaskChanges {

    private String taskState;
    private final Map<String, StepResponse> steps = new HashMap<>();

    List<WatchEvent> next(TaskResponse task, long elapsedMs) {
        List<WatchEvent> events = new ArrayList<>();
        String state = task.status().wire();
        if (!state.equals(taskState)) {
            events.add(new WatchEvent(elapsedMs, "task", "task", taskState, state, null, null,
                    TaskViews.progress(task)));
            taskState = state;
        }
        for (StepResponse step : task.steps() == null ? List.<StepResponse>of() : task.steps()) {
            StepResponse before = steps.put(step.name(), step);
            boolean moved = before == null || before.currentState() != step.currentState();
            if (moved || before.attempts() != step.attempts()) {
                events.add(new WatchEvent(elapsedMs, "step", step.name(),
                        before == null ? null : before.currentState().wire(), step.currentState().wire(),
                        step.attempts(), step.retryLimit(), detail(step)));
            }
        }
        return events;
    }

    /** The error of a failing step, or the result of a step resolved by hand. */
    private static String detail(StepResponse step) {
        if (step.currentState() == StepState.RESOLVED_MANUALLY) {
            return "resolved by hand: " + TaskViews.text(step.results());
        }
        if (step.error() != null && (step.currentState() == StepState.ERROR
                || step.currentState() == StepState.WAITING_FOR_RETRY)) {
            return step.error().errorType() + ": " + step.error().message();
        }
        return null;
    }
}
