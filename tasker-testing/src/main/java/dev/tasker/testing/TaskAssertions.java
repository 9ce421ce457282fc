package dev.tasker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;

/** Assertions on finished tasks whose failure messages carry the whole task state. */
public final class TaskAssertions {

    private TaskAssertions() {
    }

    /** The task ended in error because {@code stepName} failed after exactly {@code attempts} attempts. */
    public static StepResponse failedAfter(TaskResponse task, String stepName, int attempts) {
        String state = TaskStates.describe(task);
        assertThat(task.status()).as(state).isEqualTo(TaskState.ERROR);
        StepResponse step = StepValues.step(task, stepName);
        assertThat(step.currentState()).as(state).isEqualTo(StepState.ERROR);
        assertThat(step.attempts()).as("attempts of %s; %s", stepName, state).isEqualTo(attempts);
        assertThat(step.error()).as("error of %s; %s", stepName, state).isNotNull();
        return step;
    }
}
