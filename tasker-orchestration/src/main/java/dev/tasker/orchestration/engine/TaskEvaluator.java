package dev.tasker.orchestration.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Moves a task forward inside the caller's transaction (which holds the task's row lock): enqueues every step
 * that has become ready and counts the steps by state in one statement, then records the task's new state if
 * it changed (a second statement, guarded by the state the caller saw).
 */
@ApplicationScoped
public class TaskEvaluator {

    private static final String ENQUEUE_AND_COUNT = """
            WITH ready AS (
                SELECT s.step_uuid, s.current_state FROM tasker_workflow_steps s
                 WHERE s.task_uuid = ?
                   AND (s.current_state = 'pending'
                        OR (s.current_state = 'waiting_for_retry' AND s.next_retry_at <= clock_timestamp()))
                   AND s.attempts < s.retry_limit
                   AND NOT EXISTS (SELECT 1 FROM tasker_workflow_step_edges e
                                     JOIN tasker_workflow_steps p ON p.step_uuid = e.from_step_uuid
                                    WHERE e.to_step_uuid = s.step_uuid
                                      AND p.current_state NOT IN ('complete', 'resolved_manually'))
                   AND NOT EXISTS (SELECT 1 FROM tasker_workflow_steps f
                                    WHERE f.task_uuid = s.task_uuid AND f.current_state = 'error')
            ), enqueued AS (
                UPDATE tasker_workflow_steps s
                   SET current_state = 'enqueued', next_retry_at = NULL, updated_at = clock_timestamp()
                  FROM ready r WHERE s.step_uuid = r.step_uuid
                RETURNING s.step_uuid, s.task_uuid, r.current_state AS from_state
            ), transitions AS (
                INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
                SELECT step_uuid, task_uuid, from_state, 'enqueued' FROM enqueued
            ), messages AS (
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT ?, jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid) FROM enqueued
            )
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE current_state IN ('complete', 'resolved_manually')) AS done,
                   count(*) FILTER (WHERE current_state = 'resolved_manually') AS resolved,
                   count(*) FILTER (WHERE current_state = 'error') AS failed,
                   count(*) FILTER (WHERE current_state IN ('enqueued', 'in_progress', 'enqueued_for_orchestration',
                                                            'enqueued_as_error_for_orchestration')) AS in_flight,
                   count(*) FILTER (WHERE current_state = 'waiting_for_retry') AS retrying,
                   (SELECT count(*) FROM enqueued) AS newly_enqueued,
                   (SELECT count(*) FROM enqueued WHERE from_state = 'waiting_for_retry') AS from_retry
              FROM tasker_workflow_steps WHERE task_uuid = ?""";

    private final Json json;
    private final MeterRegistry metrics;

    public TaskEvaluator(Json json, MeterRegistry metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    /** Returns the task's state after evaluation. {@code current} is the state read under the row lock. */
    public TaskState evaluate(Connection c, UUID taskUuid, String namespace, TaskState current, String cause)
            throws SQLException {
        if (current == TaskState.CANCELLED || current == TaskState.COMPLETE
                || current == TaskState.RESOLVED_MANUALLY) {
            return current;
        }
        TaskOutcome outcome;
        int newlyEnqueued;
        try (PreparedStatement ps = c.prepareStatement(ENQUEUE_AND_COUNT)) {
            ps.setObject(1, taskUuid);
            ps.setString(2, PgQueue.namespaceQueue(namespace));
            ps.setObject(3, taskUuid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // Counts come from the statement's snapshot, taken before its own updates: apply those.
                newlyEnqueued = rs.getInt("newly_enqueued");
                outcome = new TaskOutcome(rs.getInt("total"), rs.getInt("done"), rs.getInt("resolved"),
                        rs.getInt("failed"), rs.getInt("in_flight") + newlyEnqueued,
                        rs.getInt("retrying") - rs.getInt("from_retry"));
            }
        }
        TaskState next = outcome.state();
        if (next != current && current.canTransitionTo(next)) {
            ObjectNode meta = JsonNodeFactory.instance.objectNode().put("cause", cause)
                    .put("steps_done", outcome.done()).put("steps_total", outcome.total());
            if (newlyEnqueued > 0) {
                meta.put("steps_enqueued", newlyEnqueued);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH moved AS (
                        UPDATE tasker_tasks
                           SET status = ?, updated_at = clock_timestamp(),
                               completed_at = CASE WHEN ? THEN clock_timestamp() END
                         WHERE task_uuid = ? AND status = ?
                        RETURNING task_uuid)
                    INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state, metadata)
                    SELECT task_uuid, ?, ?, ?::jsonb FROM moved""")) {
                ps.setString(1, next.wire());
                ps.setBoolean(2, next.isTerminal());
                ps.setObject(3, taskUuid);
                ps.setString(4, current.wire());
                ps.setString(5, current.wire());
                ps.setString(6, next.wire());
                json.set(ps, 7, meta);
                if (ps.executeUpdate() == 1 && next.isTerminal()) {
                    metrics.counter("tasker_tasks_finished_total", "status", next.wire()).increment();
                }
            }
            return next;
        }
        return current;
    }
}
