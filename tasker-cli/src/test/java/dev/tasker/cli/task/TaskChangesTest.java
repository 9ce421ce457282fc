package dev.tasker.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepError;
import dev.tasker.api.step.StepResponse;
import dev.tasker.client.scripted.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskChangesTest {

    private static List<StepResponse> steps(StepState start, StepState end) {
        return List.of(Fixtures.step("diamond_start", start, List.of(), 36),
                Fixtures.step("diamond_end", end, List.of("diamond_start"), 1296));
    }

    @Test
    void theFirstReadReportsTheTaskAndEveryStepThenOnlyWhatChanged() {
        TaskChanges changes = new TaskChanges();

        List<WatchEvent> first = changes.next(Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING,
                steps(StepState.IN_PROGRESS, StepState.PENDING), 0), 0);
        List<WatchEvent> same = changes.next(Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING,
                steps(StepState.IN_PROGRESS, StepState.PENDING), 0), 400);
        List<WatchEvent> moved = changes.next(Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING,
                steps(StepState.COMPLETE, StepState.ENQUEUED), 1), 1250);

        assertThat(first).extracting(WatchEvent::line).containsExactly(
                "+0.0s  task  steps_in_process  0/2 steps complete (0%)",
                "+0.0s  diamond_start  in_progress  (attempt 1/3)",
                "+0.0s  diamond_end  pending");
        assertThat(same).isEmpty();
        assertThat(moved).extracting(WatchEvent::line).containsExactly(
                "+1.3s  diamond_start  in_progress -> complete  (attempt 1/3)",
                "+1.3s  diamond_end  pending -> enqueued  (attempt 1/3)");
    }

    @Test
    void aStepsFailureCarriesItsError() {
        TaskChanges changes = new TaskChanges();
        StepResponse ok = Fixtures.step("diamond_start", StepState.IN_PROGRESS, List.of(), 0);
        StepResponse failed = new StepResponse(ok.stepUuid(), ok.taskUuid(), ok.name(), ok.handler(), StepState.ERROR,
                ok.dependencies(), 3, 3, true, 30, null, ok.lastAttemptedAt(), null, null,
                new StepError("even_number must be even", "validation_error", false),
                ok.createdAt(), ok.updatedAt(), null);
        changes.next(Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING, List.of(ok), 0), 0);

        List<WatchEvent> events = changes.next(Fixtures.task(TaskState.ERROR, ExecutionStatus.BLOCKED_BY_FAILURES,
                List.of(failed), 0), 2000);

        assertThat(events).extracting(WatchEvent::line).containsExactly(
                "+2.0s  task  steps_in_process -> error  0/1 steps complete (0%)",
                "+2.0s  diamond_start  in_progress -> error  (attempt 3/3)  validation_error: even_number must be even");
    }
}
