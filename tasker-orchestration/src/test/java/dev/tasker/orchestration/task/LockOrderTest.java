package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.Scenario;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.step.ClaimedStep;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker's batch claim locks queue messages, then their steps, then (by the foreign key of the transitions it
 * inserts) takes a key-share lock on their tasks. An action that waits for a message must hold none of the steps
 * such a claim updates, and must lock the task {@code FOR NO KEY UPDATE}, which a key-share lock does not wait for:
 * otherwise the two wait for each other until PostgreSQL aborts one (a 500 for a cancel; a report retried). Each
 * test plays the claim on a connection of its own: it holds the messages, starts the action, waits until the action
 * waits for them, then takes what the claim needs without waiting ({@code NOWAIT}), claims the step and commits;
 * the action then ends as it should.
 */
@QuarkusTest
class LockOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLAIMER = "lock-order-claim";

    @Inject
    Fixture fx;

    @Inject
    StepExecutionStore store;

    @Inject
    DataSource dataSource;

    Scenario s;

    @BeforeEach
    void setUp() {
        s = fx.scenario("lockorder", "lock-order-worker");
        fx.templates().register(TestTemplates.diamond(s.ns()));
    }

    @Test
    void aCancelWaitingForAClaimedMessageHoldsNothingTheClaimNeeds() throws Exception {
        TaskResponse task = s.api().create(s.ns(), "diamond_pattern", Api.evenNumber(6));
        UUID start = step(task, "diamond_start");

        int status = claimWhileTheActionWaits(task.taskUuid(), start, List.of(start),
                () -> given().delete("/v1/tasks/" + task.taskUuid()).statusCode());

        assertThat(status).isEqualTo(200);
        assertThat(s.api().get(task.taskUuid()).status()).isEqualTo(TaskState.CANCELLED);
        assertThat(s.api().stepStates(task.taskUuid())).as("the claimed step runs on; the others are cancelled")
                .containsEntry("diamond_start", StepState.IN_PROGRESS)
                .containsEntry("diamond_branch_b", StepState.CANCELLED)
                .containsEntry("diamond_branch_c", StepState.CANCELLED)
                .containsEntry("diamond_end", StepState.CANCELLED);
        assertThat(messagesOf(task.taskUuid())).as("the claimed message is removed with the task's others").isZero();
    }

    @Test
    void aResolutionWaitingForAClaimedMessageHoldsNothingTheClaimNeeds() throws Exception {
        TaskResponse task = s.api().create(s.ns(), "diamond_pattern", Api.evenNumber(6));
        UUID start = step(task, "diamond_start");

        int status = claimWhileTheActionWaits(task.taskUuid(), start, List.of(start), () -> given()
                .contentType(ContentType.JSON).body("{\"resolution_data\": {\"result\": 36}, \"resolved_by\": \"ops\"}")
                .patch("/v1/tasks/" + task.taskUuid() + "/workflow_steps/" + start).statusCode());

        // Once the claim committed, the step was running: no longer resolvable by hand, and the answer says so
        // (409) rather than 200 with nothing resolved; nothing of the resolution stays, the claim's message neither.
        assertThat(status).isEqualTo(409);
        assertThat(s.api().stepStates(task.taskUuid())).containsEntry("diamond_start", StepState.IN_PROGRESS);
        assertThat(messagesOf(task.taskUuid())).as("the claim's message, kept for its report").isOne();
    }

    /**
     * A report whose message became visible again (the step ran past the visibility period) while a batch claim
     * picked that message and the message of another step of the same task: the report waits for the message, the
     * claim for the task's key-share lock.
     */
    @Test
    void aReportWaitingForItsMessageInAClaimedBatchHoldsNothingTheClaimNeeds() throws Exception {
        TaskResponse task = s.api().create(s.ns(), "diamond_pattern", Api.evenNumber(6));
        assertThat(s.worker().succeed(s.awaitClaim(), Api.evenNumber(36))).isTrue();
        UUID b = step(task, "diamond_branch_b");
        UUID c = step(task, "diamond_branch_c");
        Poll.until("both branches enqueued", () -> messagesOf(task.taskUuid()) == 2, WAIT);
        ClaimedStep running = store.claim(b, "lock-order-worker").orElseThrow();
        long message = fx.number("SELECT msg_id FROM tasker_queue_messages WHERE message ->> 'step_uuid' = ?",
                b.toString());

        boolean recorded = claimWhileTheActionWaits(task.taskUuid(), c, List.of(b, c), () -> store.succeed(running,
                message, Api.evenNumber(1296), Duration.ofMillis(1), null).isPresent());

        assertThat(recorded).as("the report recorded").isTrue();
        assertThat(s.api().stepStates(task.taskUuid())).containsEntry("diamond_branch_b", StepState.COMPLETE)
                .containsEntry("diamond_branch_c", StepState.IN_PROGRESS);
    }

    /**
     * Plays a batch claim that picked the messages of {@code messagesOf} and claims {@code claimed} around
     * {@code action}, and returns the action's outcome once both ended.
     */
    private <T> T claimWhileTheActionWaits(UUID task, UUID claimed, List<UUID> messagesOf, Supplier<T> action)
            throws Exception {
        CompletableFuture<T> answer;
        try (Connection claim = dataSource.getConnection()) {
            claim.setAutoCommit(false);
            long claimPid = single(claim, "SELECT pg_backend_pid()");
            String steps = messagesOf.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "));
            assertThat(single(claim, "SELECT count(*) FROM (SELECT msg_id FROM tasker_queue_messages WHERE message "
                    + "->> 'step_uuid' IN (" + steps + ") ORDER BY msg_id FOR UPDATE) m"))
                    .as("the messages the claim picked").isEqualTo(messagesOf.size());

            answer = CompletableFuture.supplyAsync(action);
            Poll.until("the action to wait for a message the claim holds",
                    () -> waitingFor(claimPid) > 0 || answer.isDone(), WAIT);
            assertThat(answer).as("the action waits for the claimed messages").isNotDone();

            assertThatCode(() -> single(claim, "SELECT count(*) FROM (SELECT step_uuid FROM tasker_workflow_steps "
                    + "WHERE step_uuid = '" + claimed + "' FOR NO KEY UPDATE NOWAIT) s"))
                    .as("while it waits for a message, the action holds no step the claim updates")
                    .doesNotThrowAnyException();
            assertThatCode(() -> single(claim, "SELECT count(*) FROM (SELECT task_uuid FROM tasker_tasks "
                    + "WHERE task_uuid = '" + task + "' FOR KEY SHARE NOWAIT) t"))
                    .as("while it waits for a message, the action's task lock lets the claim's transition in")
                    .doesNotThrowAnyException();
            try (PreparedStatement ps = claim.prepareStatement("""
                    WITH claimed AS (
                        UPDATE tasker_workflow_steps
                           SET current_state = 'in_progress', attempts = attempts + 1, claimed_by = ?,
                               last_attempted_at = clock_timestamp(), updated_at = clock_timestamp(),
                               claim_deadline = clock_timestamp() + timeout_seconds * interval '1 second'
                         WHERE step_uuid = ? AND current_state = 'enqueued'
                        RETURNING step_uuid, task_uuid, attempts
                    )
                    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                    SELECT step_uuid, task_uuid, 'enqueued', 'in_progress',
                           jsonb_build_object('worker_id', ?::text, 'attempt', attempts) FROM claimed""")) {
                ps.setString(1, CLAIMER);
                ps.setObject(2, claimed);
                ps.setString(3, CLAIMER);
                assertThat(ps.executeUpdate()).as("the step claimed").isOne();
            }
            claim.commit();
        }
        return answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static UUID step(TaskResponse task, String name) {
        return task.step(name).orElseThrow().stepUuid();
    }

    private long waitingFor(long pid) {
        return fx.number("SELECT count(*) FROM pg_stat_activity WHERE ?::int = ANY (pg_blocking_pids(pid))",
                (int) pid);
    }

    private long messagesOf(UUID task) {
        return fx.number("SELECT count(*) FROM tasker_queue_messages WHERE message ->> 'task_uuid' = ? AND queue <> ?",
                task.toString(), PgQueue.RESULTS_QUEUE);
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
