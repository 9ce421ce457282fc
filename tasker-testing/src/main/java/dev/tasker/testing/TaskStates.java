package dev.tasker.testing;

import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import java.util.stream.Collectors;

/** One-line descriptions of a task's state for failure messages: where it stood, step by step. */
public final class TaskStates {

    private TaskStates() {
    }

    public static String describe(TaskResponse task) {
        if (task == null) {
            return "no task";
        }
        String steps = task.steps() == null ? "(no steps in the answer)" : task.steps().stream()
                .map(TaskStates::describe).collect(Collectors.joining(", "));
        return "task " + task.taskUuid() + " (" + task.namespace() + "/" + task.name() + ") status "
                + (task.status() == null ? "?" : task.status().wire()) + ", execution "
                + (task.executionStatus() == null ? "?" : task.executionStatus().wire()) + ", steps: " + steps;
    }

    static String describe(StepResponse s) {
        StringBuilder b = new StringBuilder(s.name()).append('=')
                .append(s.currentState() == null ? "?" : s.currentState().wire())
                .append(" (attempt ").append(s.attempts()).append('/').append(s.retryLimit());
        if (s.error() != null) {
            b.append(", error ").append(s.error().errorType()).append(": ").append(s.error().message());
        } else if (s.results() != null && !s.results().isNull()) {
            b.append(", result ").append(s.results());
        }
        return b.append(')').toString();
    }
}
