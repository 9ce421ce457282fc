package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.Transitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The load the fault tests strike and what they check afterwards: a paced batch under way when the fault comes,
 * and every task of it complete with its exact result, each step's result recorded exactly once.
 */
final class FaultChecks {

    /**
     * Paced tasks (20 ms a step, 4 steps, 4 worker slots: about 50 tasks/s): a fault issued as the first completes
     * meets most of the batch unfinished. Unpaced, the worker outruns the 16 creating threads and the batch is all
     * but done before the fault.
     */
    static final int IN_FLIGHT = 120;
    /**
     * A step whose worker was killed is failed by the sweeper after its timeout (30 s for math steps) plus 5 s
     * grace, or once its worker's heartbeat is older than the stack's worker-stale-after (15 s), then retried; a
     * claimed but unstarted message reappears after the visibility timeout (30 s).
     */
    static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final Duration SOME_PROGRESS = Duration.ofSeconds(60);

    private final TaskerIntegration it;

    FaultChecks(TaskerIntegration it) {
        this.it = it;
    }

    /** A batch created and under way: at least one of its tasks already complete. */
    LinearBatch startedBatch() {
        LinearBatch batch = LinearBatch.create(it.run(), Template.PACED_LINEAR, IN_FLIGHT, 16);
        Poll.of("a first task of the batch to complete", it.run()::ownTasks)
                .describedBy(tasks -> complete(tasks) + " of " + tasks.size() + " complete")
                .until(tasks -> complete(tasks) > 0, SOME_PROGRESS);
        return batch;
    }

    /** A precondition, not a result: the fault must hit tasks that were still running. */
    void assertSomeStillInFlight(LinearBatch batch) {
        List<TaskSummary> tasks = it.run().ownTasks();
        assertThat(complete(tasks)).as("precondition: tasks of the batch were still running at the fault")
                .isLessThan(batch.tasks().size());
    }

    static long complete(List<TaskSummary> tasks) {
        return tasks.stream().filter(t -> t.status() == TaskState.COMPLETE).count();
    }

    /** None lost, all exact, and each step's result recorded (and completed) exactly once. */
    void assertAllCompleteOnce(LinearBatch batch) {
        List<TaskResponse> finished = it.run().awaitTerminal(batch.tasks(), RECOVERY);
        batch.assertCompleteWithExactResults(finished);

        Map<UUID, List<TransitionResponse>> histories = batch.histories(it.stack().orchestration());
        assertThat(Transitions.stepsEntering(histories, Transitions.COMPLETE))
                .as("results recorded (the step entered complete), per step of each task")
                .isEqualTo(batch.eachStepOnce());
        histories.forEach((task, history) -> assertThat(Transitions.taskEntering(history, Transitions.COMPLETE))
                .as("task %s entered complete", task).isEqualTo(1));
        long retried = Transitions.stepsEntering(histories, Transitions.CLAIMED).values().stream()
                .flatMap(claims -> claims.values().stream()).mapToLong(claims -> claims - 1).sum();
        assertThat(it.run().ownTasks()).as("tasks listed with this run's tag").hasSize(batch.tasks().size());
        // Not asserted (it depends on where the fault caught each step), but worth seeing in the test output:
        // attempts beyond the first are steps the fault interrupted and recovery ran again.
        System.out.printf("%s: %d tasks complete exactly once; %d step attempts were repeated after the fault%n",
                it.run().id(), finished.size(), retried);
    }

    /** The batch's step attempts the orchestration took from {@code workerId} because it was gone (no heartbeat). */
    long claimsTakenFrom(LinearBatch batch, String workerId) {
        return batch.histories(it.stack().orchestration()).values().stream().flatMap(List::stream)
                .filter(t -> TransitionResponse.STEP.equals(t.subject()) && t.metadata() != null
                        && "worker lost".equals(t.metadata().path("reason").asText())
                        && workerId.equals(t.metadata().path("worker_id").asText()))
                .count();
    }
}
