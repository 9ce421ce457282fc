package dev.tasker.orchestration.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.runtime.queue.Messages;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention deletes finished tasks older than max-age with everything that belongs to them, and nothing else:
 * tasks driven to their ends through the service's own API and worker protocol, then aged by SQL.
 */
@QuarkusTest
@TestProfile(RetentionTest.Enabled.class)
class RetentionTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tasker.retention.enabled", "true",
                    "tasker.retention.max-age", "1h",
                    // Fewer than a test purges, so a run takes several batches.
                    "tasker.retention.batch-size", "2",
                    // The first scheduled run waits one interval: the tests' own purge() calls are the only runs.
                    "tasker.retention.interval", "1h");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration OLD = Duration.ofHours(2);
    private static final Duration RECENT = Duration.ofMinutes(30);
    private static final String DIAMOND = "diamond_pattern";

    @Inject
    Fixture fx;

    @Inject
    Retention retention;

    @Inject
    MeterRegistry metrics;

    Api api;
    TestWorker worker;

    /** A task's rows in every table retention deletes from. */
    record Rows(long tasks, long steps, long edges, long taskTransitions, long stepTransitions, long messages) {
        static final Rows NONE = new Rows(0, 0, 0, 0, 0, 0);
    }

    @BeforeEach
    void setUp() {
        api = fx.api();
        worker = fx.worker("retention-test-worker");
    }

    @Test
    void oldFinishedTasksGoWithTheirStepsEdgesTransitionsAndMessagesInBatches() {
        List<UUID> old = List.of(completed(), failed(), cancelled(), cancelled(), cancelled());
        UUID recentlyCompleted = completed();
        UUID justCancelled = cancelled();
        UUID running = running();
        UUID waiting = waiting();
        old.forEach(task -> backdate(task, OLD));
        backdate(recentlyCompleted, RECENT);
        backdate(running, OLD);
        backdate(waiting, OLD);
        // No code path leaves a completed_at on a task in motion; given one, the status alone keeps it.
        stampCompleted(waiting, OLD);
        // A cancelled task can still have a delayed wake-up in the results queue (cancel keeps that queue's messages).
        UUID withMessage = old.get(2);
        fx.db().read(c -> {
            fx.queue().sendAt(c, PgQueue.RESULTS_QUEUE, Messages.evaluateTask(withMessage),
                    Instant.now().plus(Duration.ofHours(1)));
            return null;
        });
        List<UUID> kept = List.of(recentlyCompleted, justCancelled, running, waiting);
        Map<UUID, Rows> keptBefore = new LinkedHashMap<>();
        kept.forEach(task -> keptBefore.put(task, rows(task)));
        Map<UUID, TaskState> keptStates = new LinkedHashMap<>();
        kept.forEach(task -> keptStates.put(task, api.get(task).status()));
        for (UUID task : old) {
            Rows before = rows(task);
            assertThat(before.steps()).as("steps of the diamond").isEqualTo(4);
            assertThat(before.edges()).as("edges of the diamond").isEqualTo(4);
            assertThat(before.taskTransitions()).as("task transitions").isGreaterThanOrEqualTo(2);
            assertThat(before.stepTransitions()).as("step transitions").isGreaterThanOrEqualTo(4);
        }
        assertThat(rows(withMessage).messages()).isEqualTo(1);
        assertThat(keptStates).containsEntry(running, TaskState.STEPS_IN_PROCESS)
                .containsEntry(waiting, TaskState.STEPS_IN_PROCESS);
        double purgedBefore = purgedCounter();

        Retention.Purge purge = retention.purge();

        assertThat(purge).as("5 tasks in batches of 2").isEqualTo(new Retention.Purge(3, 5));
        for (UUID task : old) {
            assertThat(rows(task)).as("rows left of purged task " + task).isEqualTo(Rows.NONE);
            given().get("/v1/tasks/" + task).then().statusCode(404)
                    .body("error.code", equalTo("NOT_FOUND"))
                    .body("error.message", equalTo("task " + task + " not found"));
        }
        for (UUID task : kept) {
            assertThat(rows(task)).as("rows of kept task " + task).isEqualTo(keptBefore.get(task));
            assertThat(api.get(task).status()).as("status of kept task " + task).isEqualTo(keptStates.get(task));
        }
        assertThat(purgedCounter() - purgedBefore).as("tasker.retention.purged.tasks").isEqualTo(5.0);
        assertThat(retention.purge()).as("a second run finds nothing").isEqualTo(new Retention.Purge(0, 0));
    }

    @Test
    void aCancelledTaskWhoseStepStillRunsIsKeptUntilTheStepHasReported() {
        String ns = fx.register("retention", TestTemplates::diamond);
        UUID task = api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
        TestWorker.Claim start = worker.awaitClaims(ns, 1, WAIT).get(0);
        given().delete("/v1/tasks/" + task).then().statusCode(200);
        finished(task, TaskState.CANCELLED);
        backdate(task, OLD);
        Rows before = rows(task);

        assertThat(retention.purge()).isEqualTo(new Retention.Purge(0, 0));
        assertThat(rows(task)).isEqualTo(before);
        assertThat(api.stepStates(task)).containsEntry("diamond_start", StepState.IN_PROGRESS);

        assertThat(worker.succeed(start, Api.evenNumber(1))).isTrue();
        Poll.of("the running step's result recorded", () -> api.stepStates(task))
                .until(s -> s.get("diamond_start") == StepState.COMPLETE, WAIT);
        assertThat(retention.purge()).isEqualTo(new Retention.Purge(1, 1));
        assertThat(rows(task)).isEqualTo(Rows.NONE);
        given().get("/v1/tasks/" + task).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    /** A diamond run to completion: its start, both branches, its end. */
    private UUID completed() {
        String ns = fx.register("retention", TestTemplates::diamond);
        UUID task = api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
        for (int ready : new int[] {1, 2, 1}) {
            worker.awaitClaims(ns, ready, WAIT)
                    .forEach(claim -> assertThat(worker.succeed(claim, Api.evenNumber(1))).isTrue());
        }
        return finished(task, TaskState.COMPLETE);
    }

    private UUID failed() {
        String ns = fx.register("retention", TestTemplates::diamond);
        UUID task = api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
        TestWorker.Claim start = worker.awaitClaims(ns, 1, WAIT).get(0);
        assertThat(worker.fail(start, "validation_error", "not an even number", false)).isTrue();
        return finished(task, TaskState.ERROR);
    }

    private UUID cancelled() {
        String ns = fx.register("retention", TestTemplates::diamond);
        UUID task = api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
        given().delete("/v1/tasks/" + task).then().statusCode(200);
        return finished(task, TaskState.CANCELLED);
    }

    /** Its first step claimed and not reported. */
    private UUID running() {
        String ns = fx.register("retention", TestTemplates::diamond);
        UUID task = api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
        worker.awaitClaims(ns, 1, WAIT);
        return task;
    }

    /** Its first step enqueued; nothing claims it. */
    private UUID waiting() {
        String ns = fx.register("retention", TestTemplates::diamond);
        return api.create(ns, DIAMOND, Api.evenNumber(2)).taskUuid();
    }

    private UUID finished(UUID task, TaskState state) {
        TaskResponse done = api.awaitState(task, state, WAIT);
        assertThat(done.completedAt()).as("completed_at of a task that ended " + state.wire()).isNotNull();
        return task;
    }

    /** Moves the task's timestamps {@code ago} into the past; completed_at only where it is set. */
    private void backdate(UUID task, Duration ago) {
        update("""
                UPDATE tasker_tasks SET created_at = clock_timestamp() - ? * interval '1 millisecond',
                                        updated_at = clock_timestamp() - ? * interval '1 millisecond',
                                        completed_at = CASE WHEN completed_at IS NOT NULL
                                                            THEN clock_timestamp() - ? * interval '1 millisecond' END
                 WHERE task_uuid = ?""", task, ago, 3);
    }

    private void stampCompleted(UUID task, Duration ago) {
        update("UPDATE tasker_tasks SET completed_at = clock_timestamp() - ? * interval '1 millisecond' "
                + "WHERE task_uuid = ?", task, ago, 1);
    }

    private void update(String sql, UUID task, Duration ago, int agoParameters) {
        int updated = fx.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 1; i <= agoParameters; i++) {
                    ps.setLong(i, ago.toMillis());
                }
                ps.setObject(agoParameters + 1, task);
                return ps.executeUpdate();
            }
        });
        assertThat(updated).as("tasks updated").isEqualTo(1);
    }

    private Rows rows(UUID task) {
        return fx.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT count(*) FROM tasker_tasks WHERE task_uuid = ?),
                           (SELECT count(*) FROM tasker_workflow_steps WHERE task_uuid = ?),
                           (SELECT count(*) FROM tasker_workflow_step_edges WHERE task_uuid = ?),
                           (SELECT count(*) FROM tasker_task_transitions WHERE task_uuid = ?),
                           (SELECT count(*) FROM tasker_workflow_step_transitions WHERE task_uuid = ?),
                           (SELECT count(*) FROM tasker_queue_messages WHERE message ->> 'task_uuid' = ?)""")) {
                for (int i = 1; i <= 5; i++) {
                    ps.setObject(i, task);
                }
                ps.setString(6, task.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Rows(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6));
                }
            }
        });
    }

    private double purgedCounter() {
        return metrics.counter("tasker.retention.purged.tasks").count();
    }
}
