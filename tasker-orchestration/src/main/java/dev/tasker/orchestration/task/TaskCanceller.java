package dev.tasker.orchestration.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/**
 * Cancels a task in one transaction: steps not yet running are cancelled and their queue messages removed (a
 * worker that still holds one finds the step no longer enqueued and skips it); steps already running finish,
 * their results are recorded, and nothing after them starts. Locks the task, then its messages, then its steps.
 */
@ApplicationScoped
public class TaskCanceller {

    private final Db db;
    private final MeterRegistry metrics;

    public TaskCanceller(Db db, MeterRegistry metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    public void cancel(UUID taskUuid) {
        db.inTransaction(c -> {
            TaskState current;
            // NO KEY UPDATE, not UPDATE: a claim's transition row takes a key-share lock on its task (the foreign
            // key), which FOR UPDATE would make wait while this waits for the claim's message (LockOrderTest).
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM tasker_tasks WHERE task_uuid = ? FOR NO KEY UPDATE")) {
                ps.setObject(1, taskUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("task " + taskUuid + " not found");
                    }
                    current = TaskState.fromWire(rs.getString(1));
                }
            }
            if (current.isTerminal()) {
                throw ApiException.conflict("task " + taskUuid + " is already " + current.wire()
                        + " and cannot be cancelled");
            }
            // The task's messages before its steps, in a statement of their own: the order claims (message, then
            // step) and reports (task, message, step) lock them in, so a claim that picked a message of this task
            // and waits for its step cannot be waiting for this transaction. As one more CTE below, the order would
            // be PostgreSQL's, and a cancel could hold the steps while it waits for the claim's message: a deadlock.
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM tasker_queue_messages WHERE message ->> 'task_uuid' = ?::text AND queue <> ?")) {
                ps.setString(1, taskUuid.toString());
                ps.setString(2, PgQueue.RESULTS_QUEUE);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH open AS (
                        SELECT step_uuid, current_state FROM tasker_workflow_steps
                         WHERE task_uuid = ? AND current_state IN ('pending', 'enqueued', 'waiting_for_retry')
                           FOR NO KEY UPDATE
                    ), cancelled AS (
                        UPDATE tasker_workflow_steps s
                           SET current_state = 'cancelled', next_retry_at = NULL, updated_at = clock_timestamp()
                          FROM open o WHERE s.step_uuid = o.step_uuid
                        RETURNING s.step_uuid, s.task_uuid, o.current_state AS from_state
                    ), step_transitions AS (
                        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                        SELECT step_uuid, task_uuid, from_state, 'cancelled', '{"reason": "task cancelled"}'::jsonb
                          FROM cancelled
                    ), task AS (
                        UPDATE tasker_tasks SET status = 'cancelled', updated_at = clock_timestamp(),
                                                completed_at = clock_timestamp()
                         WHERE task_uuid = ? AND status = ?
                        RETURNING task_uuid
                    )
                    INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state, metadata)
                    SELECT task_uuid, ?, 'cancelled', '{"reason": "cancelled by request"}'::jsonb FROM task""")) {
                ps.setObject(1, taskUuid);
                ps.setObject(2, taskUuid);
                ps.setString(3, current.wire());
                ps.setString(4, current.wire());
                ps.executeUpdate();
            }
            return null;
        });
        metrics.counter("tasker_tasks_finished_total", "status", TaskState.CANCELLED.wire()).increment();
    }
}
