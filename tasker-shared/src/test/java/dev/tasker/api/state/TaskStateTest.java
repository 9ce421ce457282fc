package dev.tasker.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskStateTest {

    @Test
    void terminalStatesAreTheFourOfTheContract() {
        assertThat(TaskState.terminal()).containsExactlyInAnyOrder(TaskState.COMPLETE, TaskState.ERROR,
                TaskState.CANCELLED, TaskState.RESOLVED_MANUALLY);
        assertThat(TaskState.active()).doesNotContainAnyElementsOf(TaskState.terminal());
        assertThat(TaskState.active().size() + TaskState.terminal().size()).isEqualTo(TaskState.values().length);
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"COMPLETE", "CANCELLED", "RESOLVED_MANUALLY"})
    void finishedTasksNeverMove(TaskState done) {
        assertThat(EnumSet.allOf(TaskState.class)).filteredOn(done::canTransitionTo).isEmpty();
    }

    @Test
    void anErrorTaskMayOnlyResumeNotBeCancelledOrReset() {
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.STEPS_IN_PROCESS)).isTrue();
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.COMPLETE)).isTrue();
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.RESOLVED_MANUALLY)).isTrue();
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.CANCELLED)).isFalse();
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.PENDING)).isFalse();
        assertThat(TaskState.ERROR.canTransitionTo(TaskState.ERROR)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = TaskState.class, names = {"PENDING", "STEPS_IN_PROCESS", "WAITING_FOR_RETRY",
        "BLOCKED_BY_FAILURES", "EVALUATING_RESULTS"})
    void activeTasksMayReachEveryOtherState(TaskState active) {
        for (TaskState next : TaskState.values()) {
            assertThat(active.canTransitionTo(next)).as(active + " -> " + next).isEqualTo(next != active);
        }
    }

    @Test
    void wireNames() {
        assertThat(TaskState.STEPS_IN_PROCESS.wire()).isEqualTo("steps_in_process");
        assertThat(TaskState.parse("waiting_for_retry")).contains(TaskState.WAITING_FOR_RETRY);
        assertThat(TaskState.parse("done")).isEmpty();
    }

    @Test
    void executionStatusFollowsTheCounts() {
        assertThat(ExecutionStatus.of(4, 4, 0, 0, 0)).isEqualTo(ExecutionStatus.ALL_COMPLETE);
        assertThat(ExecutionStatus.of(4, 1, 1, 1, 0)).isEqualTo(ExecutionStatus.BLOCKED_BY_FAILURES);
        assertThat(ExecutionStatus.of(4, 1, 0, 2, 1)).isEqualTo(ExecutionStatus.PROCESSING);
        assertThat(ExecutionStatus.of(4, 1, 0, 0, 2)).isEqualTo(ExecutionStatus.HAS_READY_STEPS);
        assertThat(ExecutionStatus.of(4, 1, 0, 0, 0)).isEqualTo(ExecutionStatus.WAITING_FOR_DEPENDENCIES);
    }
}
