package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.client.error.ConflictException;
import dev.tasker.testing.Poll;
import dev.tasker.testing.StepValues;
import dev.tasker.testing.TaskAssertions;
import dev.tasker.testing.TaskStates;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.Transitions;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failure workflows (retries, exhausted retries, permanent failures, step timeouts) and cancellation,
 * against the compose stack: the outcomes and attempt counts of ../shared/spec/workflows.md, checked in both the
 * steps and their recorded transitions.
 */
@QuarkusTest
class FailureWorkflowsIT {

    private static final Duration FINISH = Duration.ofSeconds(60);
    /** The slow step sleeps 10 s; its template allows 2 s. Finishing well before the sleep would shows the timeout. */
    private static final Duration TIMED_OUT_WITHIN = Duration.ofSeconds(9);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void aStepFailingTwiceCompletesOnItsThirdAttempt() {
        TaskResponse task = run(Template.FLAKY, Contexts.failTimes(2));

        assertThat(task.status()).as(TaskStates.describe(task)).isEqualTo(TaskState.COMPLETE);
        StepResponse step = StepValues.step(task, "flaky_step");
        assertThat(step.attempts()).as(TaskStates.describe(task)).isEqualTo(3);
        assertThat(step.results().get("attempts").asInt()).as("the handler's own attempt count").isEqualTo(3);
        assertAttemptsRecorded(task, "flaky_step", 3);
    }

    @Test
    void aStepFailingFiveTimesErrorsAfterItsThreeAttempts() {
        TaskResponse task = run(Template.FLAKY, Contexts.failTimes(5));

        StepResponse step = TaskAssertions.failedAfter(task, "flaky_step", 3);
        assertThat(step.error().retryable()).as("a transient failure stays retryable; the limit ended it").isTrue();
        assertThat(step.error().message()).contains("attempt 3");
        assertAttemptsRecorded(task, "flaky_step", 3);
    }

    @Test
    void aPermanentFailureErrorsAfterOneAttempt() {
        TaskResponse task = run(Template.PERMANENT_FAILURE, Contexts.none());

        StepResponse step = TaskAssertions.failedAfter(task, "permanent_failure_step", 1);
        assertThat(step.error().retryable()).isFalse();
        assertAttemptsRecorded(task, "permanent_failure_step", 1);
    }

    @Test
    void aStepPastItsTimeoutErrorsWithinSecondsInsteadOfHanging() {
        TaskResponse task = run(Template.SLOW, Contexts.sleepMs(10_000));

        StepResponse step = TaskAssertions.failedAfter(task, "slow_step", 1);
        assertThat(step.error().errorType()).as(TaskStates.describe(task)).isEqualTo("step_timeout");
        assertThat(Duration.between(task.createdAt(), task.completedAt()))
                .as("from creation to error (the database's clock), for a step sleeping 10 s with a 2 s timeout")
                .isLessThan(TIMED_OUT_WITHIN);
    }

    @Test
    void aStepWithinItsTimeoutCompletes() {
        TaskResponse task = run(Template.SLOW, Contexts.sleepMs(100));

        assertThat(task.status()).as(TaskStates.describe(task)).isEqualTo(TaskState.COMPLETE);
        assertThat(StepValues.step(task, "slow_step").results().get("slept_ms").asInt()).isEqualTo(100);
    }

    @Test
    void aCancelledTaskEndsCancelledAndItsRemainingStepsNeverRun() {
        int concurrency = it.stack().worker().status().concurrency();
        // As many slow steps as the worker runs at once occupy every slot, each until its 2 s timeout: the first
        // step of the task under test cannot start for about 2 s, far longer than creating and cancelling it takes.
        List<UUID> blockers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            blockers.add(it.run().create(Template.SLOW.namespace(), Template.SLOW.name(), Contexts.sleepMs(10_000))
                    .taskUuid());
        }
        Poll.of("the worker to run " + concurrency + " slow steps at once", () -> it.stack().worker().status())
                .describedBy(s -> s.inFlight() + " steps in flight").until(s -> s.inFlight() == concurrency, FINISH);
        UUID task = it.run().create(Template.LINEAR.namespace(), Template.LINEAR.name(), Contexts.evenNumber(6))
                .taskUuid();

        TaskResponse cancelled = it.stack().orchestration().cancelTask(task);

        assertThat(cancelled.status()).as(TaskStates.describe(cancelled)).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.steps()).as("precondition: nothing of the task ran before the cancel; "
                + TaskStates.describe(cancelled)).allSatisfy(s -> assertThat(s.attempts()).isZero());
        // Once the blockers are done the worker is idle again; a task created after the cancel then completes,
        // so a step of the cancelled task still queued would have been claimed by now.
        it.run().awaitTerminal(blockers, FINISH);
        UUID later = it.run().create(Template.LINEAR.namespace(), Template.LINEAR.name(), Contexts.evenNumber(2))
                .taskUuid();
        assertThat(it.run().awaitTerminal(later, FINISH).status()).isEqualTo(TaskState.COMPLETE);

        TaskResponse after = it.stack().orchestration().getTask(task);
        assertThat(after.status()).as(TaskStates.describe(after)).isEqualTo(TaskState.CANCELLED);
        assertThat(after.steps()).as(TaskStates.describe(after)).allSatisfy(s -> {
            assertThat(s.currentState()).isEqualTo(StepState.CANCELLED);
            assertThat(s.attempts()).isZero();
        });
        assertThat(Transitions.stepsEntering(it.stack().orchestration().transitions(task), Transitions.CLAIMED))
                .as("steps of the cancelled task ever claimed by a worker").isEmpty();
    }

    @Test
    void aTaskWhoseStepIsRunningCanBeCancelledAndStaysCancelled() {
        UUID task = it.run().create(Template.SLOW.namespace(), Template.SLOW.name(), Contexts.sleepMs(1_000))
                .taskUuid();
        Poll.of("the slow step of task " + task + " to be running", () -> it.stack().orchestration().getTask(task))
                .describedBy(TaskStates::describe)
                .until(t -> t.inProgressSteps() == 1 || t.isTerminal(), FINISH);

        TaskResponse cancelled = it.stack().orchestration().cancelTask(task);

        assertThat(cancelled.status()).as(TaskStates.describe(cancelled)).isEqualTo(TaskState.CANCELLED);
        // The running step finishes (its 1 s sleep) and its result is recorded; the task stays cancelled.
        TaskResponse settled = Poll.of("the running step of cancelled task " + task + " to finish",
                () -> it.stack().orchestration().getTask(task)).describedBy(TaskStates::describe)
                .until(t -> t.inProgressSteps() == 0, FINISH);
        assertThat(settled.status()).as(TaskStates.describe(settled)).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void cancellingAFinishedTaskIsAConflict() {
        TaskResponse done = run(Template.LINEAR, Contexts.evenNumber(2));
        assertThat(done.status()).isEqualTo(TaskState.COMPLETE);

        assertThatThrownBy(() -> it.stack().orchestration().cancelTask(done.taskUuid()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
        assertThat(it.stack().orchestration().getTask(done.taskUuid()).status()).isEqualTo(TaskState.COMPLETE);
    }

    private TaskResponse run(Template template, JsonNode context) {
        UUID task = it.run().create(template.namespace(), template.name(), context).taskUuid();
        return it.run().awaitTerminal(task, FINISH);
    }

    /** The history shows exactly {@code attempts} claims of the step by a worker. */
    private void assertAttemptsRecorded(TaskResponse task, String step, long attempts) {
        List<TransitionResponse> history = it.stack().orchestration().transitions(task.taskUuid());
        assertThat(Transitions.stepsEntering(history, Transitions.CLAIMED))
                .as("claims recorded in the transitions of task %s", task.taskUuid())
                .isEqualTo(Map.of(step, attempts));
    }
}
