package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskOutcomeTest {

    @ParameterizedTest(name = "total={0} done={1} resolved={2} failed={3} inFlight={4} retrying={5} -> {6}")
    @CsvSource({
        "4, 4, 0, 0, 0, 0, COMPLETE",
        "4, 4, 1, 0, 0, 0, RESOLVED_MANUALLY",
        "4, 1, 0, 1, 1, 0, BLOCKED_BY_FAILURES",
        "4, 1, 0, 1, 0, 0, ERROR",
        "4, 1, 0, 1, 0, 1, ERROR",
        "4, 1, 0, 0, 2, 1, STEPS_IN_PROCESS",
        "4, 1, 0, 0, 0, 1, WAITING_FOR_RETRY",
        "4, 1, 0, 0, 0, 0, WAITING_FOR_DEPENDENCIES"})
    void stateFollowsTheStepCounts(int total, int done, int resolved, int failed, int inFlight, int retrying,
            TaskState expected) {
        assertThat(new TaskOutcome(total, done, resolved, failed, inFlight, retrying).state()).isEqualTo(expected);
    }
}
