package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.worker.WorkerRegistration;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.Scenario;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.runtime.queue.Messages;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.registry.WorkerRegistry;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivery is at least once, workers die, and evaluations can be missed: none of it loses or repeats work. */
@QuarkusTest
class RecoveryTest {

    @Inject
    Fixture fx;
    @Inject
    Sweeper sweeper;
    @Inject
    ObjectMapper mapper;
    @Inject
    WorkerRegistry registry;

    Scenario s;

    @BeforeEach
    void setUp() {
        s = fx.scenario("recover", "recovery-worker");
    }

    @Test
    void aDuplicateResultMessageChangesNothing() {
        fx.templates().register(TestTemplates.linear(s.ns()));
        UUID task = s.api().create(s.ns(), "mathematical_sequence", Api.evenNumber(6)).taskUuid();
        TestWorker.Claim first = s.awaitClaim();
        s.worker().succeed(first, JsonNodeFactory.instance.objectNode().put("result", 36));
        s.worker().awaitClaims(s.ns(), 1, Duration.ofSeconds(10));
        long before = transitionCount(task);

        for (int i = 0; i < 3; i++) {
            fx.db().inTransaction(c -> {
                fx.queue().send(c, PgQueue.RESULTS_QUEUE, JsonNodeFactory.instance.objectNode().put("kind",
                        Messages.STEP_RESULT).put("task_uuid", task.toString())
                        .put("step_uuid", first.step().stepUuid().toString()));
                return null;
            });
        }
        Poll.of("duplicates consumed", this::resultMessages).until(n -> n == 0, Duration.ofSeconds(10));
        assertThat(transitionCount(task)).isEqualTo(before);
        assertThat(s.api().stepStates(task)).containsEntry("linear_step_1", StepState.COMPLETE)
                .containsEntry("linear_step_2", StepState.IN_PROGRESS)
                .containsEntry("linear_step_3", StepState.PENDING);
    }

    @Test
    void aStepWhoseWorkerVanishedIsTimedOutByTheSweeperAndRetried() {
        fx.templates().register(TestTemplates.single(s.ns(), "lost", new RetryPolicy(true, 2, 10L, 10L), 1));
        UUID task = s.api().create(s.ns(), "lost", JsonNodeFactory.instance.objectNode()).taskUuid();
        TestWorker.Claim abandoned = s.awaitClaim();
        // The worker never reports. After timeout (1 s) plus grace (200 ms in tests) the sweeper fails it.
        StepResponse retried = Poll.of("the abandoned step to be given up on", () -> {
            sweeper.sweep();
            return s.api().get(task).steps().get(0);
        }).until(step -> step.currentState() != StepState.IN_PROGRESS, Duration.ofSeconds(10));
        assertThat(retried.error().errorType()).isEqualTo("step_timeout");
        assertThat(retried.error().message()).contains("recovery-worker");

        TestWorker.Claim second = s.awaitClaim();
        assertThat(second.step().attempt()).isEqualTo(2);
        // The vanished worker comes back too late: its report is refused, the new attempt's is kept.
        assertThat(s.worker().succeed(abandoned, JsonNodeFactory.instance.objectNode().put("late", true))).isFalse();
        assertThat(s.worker().succeed(second, JsonNodeFactory.instance.objectNode().put("on_time", true))).isTrue();
        TaskResponse done = s.api().awaitState(task, TaskState.COMPLETE, Duration.ofSeconds(5));
        assertThat(done.steps().get(0).results().has("on_time")).isTrue();
    }

    @Test
    void aRestartedWorkersEarlierClaimIsVoidedWithoutWaitingForTheStepTimeout() {
        String workerId = "restarting-" + s.ns();
        TestWorker restarting = fx.worker(workerId);
        UUID task = createTaskForRegisteredWorker(workerId);
        TestWorker.Claim beforeRestart = restarting.awaitClaims(s.ns(), 1, Duration.ofSeconds(10)).get(0);

        sweeper.sweep();
        assertThat(s.api().get(task).steps().get(0).currentState()).as("a live worker's claim is left alone")
                .isEqualTo(StepState.IN_PROGRESS);

        registry.register(workerId, registration(Instant.parse("2026-01-01T00:05:00Z")));
        StepResponse voided = sweptUntilNotInProgress(task);
        assertThat(voided.error().errorType()).isEqualTo("worker_lost");
        assertThat(voided.error().message()).isEqualTo("worker " + workerId + " restarted after it claimed this step");

        TestWorker.Claim afterRestart = restarting.awaitClaims(s.ns(), 1, Duration.ofSeconds(10)).get(0);
        assertThat(afterRestart.step().attempt()).isEqualTo(2);
        assertThat(restarting.succeed(beforeRestart, JsonNodeFactory.instance.objectNode())).isFalse();
        assertThat(restarting.succeed(afterRestart, JsonNodeFactory.instance.objectNode().put("ok", true))).isTrue();
        s.api().awaitState(task, TaskState.COMPLETE, Duration.ofSeconds(5));
    }

    @Test
    void aClaimOfAWorkerThatStoppedHeartbeatingIsVoided() {
        String workerId = "silent-" + s.ns();
        TestWorker silent = fx.worker(workerId);
        UUID task = createTaskForRegisteredWorker(workerId);
        silent.awaitClaims(s.ns(), 1, Duration.ofSeconds(10));
        // As if the last heartbeat was an hour ago (worker-stale-after is 30 s).
        fx.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tasker_workers SET last_heartbeat_at = clock_timestamp() - interval '1 hour'
                     WHERE worker_id = ?""")) {
                ps.setString(1, workerId);
                return ps.executeUpdate();
            }
        });

        StepResponse voided = sweptUntilNotInProgress(task);
        assertThat(voided.error().errorType()).isEqualTo("worker_lost");
        assertThat(voided.error().message()).startsWith("worker " + workerId + " sent no heartbeat since ");
        assertThat(silent.awaitClaims(s.ns(), 1, Duration.ofSeconds(10)).get(0).step().attempt()).isEqualTo(2);
    }

    /**
     * Registers the worker (started 2026-01-01T00:00Z) and creates a task of one step with a one-hour timeout: only
     * the loss of that worker can free its claim within a test.
     */
    private UUID createTaskForRegisteredWorker(String workerId) {
        registry.register(workerId, registration(Instant.parse("2026-01-01T00:00:00Z")));
        fx.templates().register(TestTemplates.single(s.ns(), "held", new RetryPolicy(true, 2, 10L, 10L), 3600));
        return s.api().create(s.ns(), "held", JsonNodeFactory.instance.objectNode()).taskUuid();
    }

    private StepResponse sweptUntilNotInProgress(UUID task) {
        return Poll.of("the sweeper to void the claim", () -> {
            sweeper.sweep();
            return s.api().get(task).steps().get(0);
        }).until(step -> step.currentState() != StepState.IN_PROGRESS, Duration.ofSeconds(10));
    }

    private WorkerRegistration registration(Instant startedAt) {
        return new WorkerRegistration(List.of(s.ns()), null, "test", startedAt);
    }

    @Test
    void aTaskLeftMidTransitionIsResumed() {
        fx.templates().register(TestTemplates.linear(s.ns()));
        UUID task = s.api().create(s.ns(), "mathematical_sequence", Api.evenNumber(2)).taskUuid();
        // As if the orchestration died after the steps finished but before it evaluated the task: every step
        // complete, no message left, the task still in process.
        fx.db().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tasker_workflow_steps SET current_state = 'complete', results = '{}' WHERE task_uuid = ?""")) {
                ps.setObject(1, task);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM tasker_queue_messages WHERE message ->> 'task_uuid' = ?""")) {
                ps.setString(1, task.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE tasker_tasks SET updated_at = now() - interval '1 minute' WHERE task_uuid = ?""")) {
                ps.setObject(1, task);
                ps.executeUpdate();
            }
            return null;
        });
        TaskResponse resumed = Poll.of("the stalled task to be resumed", () -> {
            sweeper.sweep();
            return s.api().get(task);
        }).until(t -> t.status() == TaskState.COMPLETE, Duration.ofSeconds(10));
        assertThat(resumed.completedAt()).isNotNull();
    }

    private long resultMessages() {
        return fx.number("SELECT count(*) FROM tasker_queue_messages"
                + " WHERE queue = ? AND visible_at <= clock_timestamp()", PgQueue.RESULTS_QUEUE);
    }

    private long transitionCount(UUID task) {
        return fx.number("SELECT (SELECT count(*) FROM tasker_workflow_step_transitions WHERE task_uuid = ?)"
                + " + (SELECT count(*) FROM tasker_task_transitions WHERE task_uuid = ?)", task, task);
    }
}
