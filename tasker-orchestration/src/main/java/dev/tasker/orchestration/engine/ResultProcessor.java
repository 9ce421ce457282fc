package dev.tasker.orchestration.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.Messages;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueMessage;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Processes one message of the orchestration's results queue per transaction: the message is taken (deleted)
 * in the same transaction that records its effects, so a crash at any point leaves either nothing done (the
 * message reappears) or everything done. The task row is locked first, so results of one task are applied one
 * at a time even across orchestration replicas. A message whose step is not in the expected state (a duplicate
 * delivery) changes nothing.
 */
@ApplicationScoped
public class ResultProcessor {

    private static final Logger LOG = Logger.getLogger(ResultProcessor.class);
    /** A message that failed this many times is set aside in the dead-letter queue instead of retried forever. */
    static final int MAX_FAILURES = 5;
    static final String DEAD_LETTERS = PgQueue.RESULTS_QUEUE + "_dead";
    /** A failed message is hidden 400 ms after its first failure, doubling: 3.2 s before its last try. */
    static final ExponentialBackoff RETRY_FAILED_MESSAGE = new ExponentialBackoff(Duration.ofMillis(400),
            Duration.ofMillis(400L << (MAX_FAILURES - 2)), false);

    private final Db db;
    private final PgQueue queue;
    private final Json json;
    private final TaskEvaluator evaluator;
    private final MeterRegistry metrics;

    public ResultProcessor(Db db, PgQueue queue, Json json, TaskEvaluator evaluator, MeterRegistry metrics) {
        this.db = db;
        this.queue = queue;
        this.json = json;
        this.evaluator = evaluator;
        this.metrics = metrics;
    }

    /** Processes the next visible message, if any; returns how many it processed (0 or 1). */
    public int processNext() {
        AtomicReference<QueueMessage> taken = new AtomicReference<>();
        try {
            return db.inTransaction(c -> {
                Optional<QueueMessage> message = queue.take(c, PgQueue.RESULTS_QUEUE);
                if (message.isEmpty()) {
                    return 0;
                }
                taken.set(message.get());
                handle(c, message.get().message());
                return 1;
            });
        } catch (RuntimeException e) {
            QueueMessage failed = taken.get();
            if (failed == null) {
                throw e;
            }
            setAside(failed, e);
            return 1;
        }
    }

    private void setAside(QueueMessage failed, RuntimeException cause) {
        int failures = failed.readCount() + 1;
        db.inTransaction(c -> {
            if (!queue.delete(c, failed.msgId())) {
                return null; // someone else already took it after our rollback
            }
            if (failures >= MAX_FAILURES) {
                LOG.errorf(cause, "result message %s failed %d times; moved to %s", failed.message(), failures,
                        DEAD_LETTERS);
                queue.send(c, DEAD_LETTERS, failed.message());
            } else {
                LOG.warnf(cause, "result message %s failed (%d of %d); retrying later", failed.message(), failures,
                        MAX_FAILURES);
                queue.retryLater(c, failed, RETRY_FAILED_MESSAGE.delay(failures));
            }
            return null;
        });
    }

    void handle(Connection c, JsonNode message) throws SQLException {
        String kind = Messages.kind(message);
        if (Messages.EVALUATE_TASK.equals(kind)) {
            UUID task = Messages.taskUuid(message);
            lockTask(c, task).ifPresent(t -> evaluateQuietly(c, task, t, "retry due or resumed"));
            return;
        }
        if (!Messages.STEP_RESULT.equals(kind)) {
            throw new IllegalArgumentException("unknown message kind '" + kind + "'");
        }
        UUID stepUuid = Messages.stepUuid(message);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.task_uuid, t.status, t.namespace, s.current_state, s.attempts, s.retry_limit, s.retryable,
                       s.backoff_base_ms, s.max_backoff_ms, s.error
                  FROM tasker_tasks t JOIN tasker_workflow_steps s ON s.task_uuid = t.task_uuid
                 WHERE s.step_uuid = ? FOR NO KEY UPDATE OF t, s""")) {
            ps.setObject(1, stepUuid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    LOG.warnf("result for unknown step %s dropped", stepUuid);
                    return;
                }
                UUID taskUuid = rs.getObject("task_uuid", UUID.class);
                TaskRow task = new TaskRow(TaskState.fromWire(rs.getString("status")), rs.getString("namespace"));
                StepState state = StepState.fromWire(rs.getString("current_state"));
                boolean applied = switch (state) {
                    // Workers apply successes themselves; this is a result recorded by a worker of an earlier version.
                    case ENQUEUED_FOR_ORCHESTRATION -> complete(c, stepUuid);
                    case ENQUEUED_AS_ERROR_FOR_ORCHESTRATION -> failed(c, taskUuid, stepUuid, rs.getInt("attempts"),
                            rs.getInt("retry_limit"), rs.getBoolean("retryable"), rs.getLong("backoff_base_ms"),
                            rs.getLong("max_backoff_ms"), json.read(rs, "error"));
                    default -> false;
                };
                if (!applied) {
                    metrics.counter("tasker_step_results_duplicate_total").increment();
                    LOG.debugf("result for step %s in state %s ignored (duplicate delivery)", stepUuid, state);
                    return;
                }
                evaluateQuietly(c, taskUuid, task, "step result");
            }
        }
    }

    private record TaskRow(TaskState status, String namespace) {
    }

    private Optional<TaskRow> lockTask(Connection c, UUID task) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT status, namespace FROM tasker_tasks WHERE task_uuid = ? FOR NO KEY UPDATE")) {
            ps.setObject(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new TaskRow(TaskState.fromWire(rs.getString(1)), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private void evaluateQuietly(Connection c, UUID task, TaskRow row, String cause) {
        try {
            evaluator.evaluate(c, task, row.namespace(), row.status(), cause);
        } catch (SQLException e) {
            throw new dev.tasker.runtime.db.DatabaseException(e);
        }
    }

    private boolean complete(Connection c, UUID step) throws SQLException {
        boolean applied = move(c, step, StepState.ENQUEUED_FOR_ORCHESTRATION, StepState.COMPLETE, null);
        if (applied) {
            metrics.counter("tasker_steps_total", "outcome", "complete").increment();
        }
        return applied;
    }

    private boolean failed(Connection c, UUID task, UUID step, int attempts, int retryLimit, boolean retryable,
            long backoffBaseMs, long maxBackoffMs, JsonNode error) throws SQLException {
        boolean workerSaysRetryable = error == null || error.path("retryable").asBoolean(true);
        if (retryable && workerSaysRetryable && attempts < retryLimit) {
            Duration wait = Backoff.delay(attempts, backoffBaseMs, maxBackoffMs, ThreadLocalRandom.current());
            Instant retryAt = retryAt(c, step, wait);
            if (retryAt == null) {
                return false;
            }
            // Wake the orchestration when the backoff has passed, to enqueue the retry.
            queue.sendAt(c, PgQueue.RESULTS_QUEUE, Messages.evaluateTask(task), retryAt);
            metrics.counter("tasker_steps_total", "outcome", "retry").increment();
            return true;
        }
        String why = !retryable ? "the step is not retryable"
                : !workerSaysRetryable ? "the error is not retryable" : "retry limit " + retryLimit + " reached";
        boolean applied = move(c, step, StepState.ENQUEUED_AS_ERROR_FOR_ORCHESTRATION, StepState.ERROR, why);
        if (applied) {
            metrics.counter("tasker_steps_total", "outcome", "error").increment();
        }
        return applied;
    }

    private Instant retryAt(Connection c, UUID step, Duration wait) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH moved AS (
                    UPDATE tasker_workflow_steps
                       SET current_state = 'waiting_for_retry', claimed_by = NULL, updated_at = clock_timestamp(),
                           next_retry_at = clock_timestamp() + ? * interval '1 millisecond'
                     WHERE step_uuid = ? AND current_state = 'enqueued_as_error_for_orchestration'
                    RETURNING step_uuid, task_uuid, next_retry_at, attempts),
                transition AS (
                    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                    SELECT step_uuid, task_uuid, 'enqueued_as_error_for_orchestration', 'waiting_for_retry',
                           jsonb_build_object('backoff_ms', ?::bigint, 'next_retry_at', next_retry_at,
                                              'attempts', attempts)
                      FROM moved)
                SELECT next_retry_at FROM moved""")) {
            ps.setLong(1, wait.toMillis());
            ps.setObject(2, step);
            ps.setLong(3, wait.toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Json.instant(rs, "next_retry_at") : null;
            }
        }
    }

    private boolean move(Connection c, UUID step, StepState from, StepState to, String reason)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH moved AS (
                    UPDATE tasker_workflow_steps
                       SET current_state = ?, claimed_by = NULL, updated_at = clock_timestamp()
                     WHERE step_uuid = ? AND current_state = ?
                    RETURNING step_uuid, task_uuid)
                INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                SELECT step_uuid, task_uuid, ?, ?, ?::jsonb FROM moved""")) {
            ps.setString(1, to.wire());
            ps.setObject(2, step);
            ps.setString(3, from.wire());
            ps.setString(4, from.wire());
            ps.setString(5, to.wire());
            json.set(ps, 6, reason == null ? null : JsonNodeFactory.instance.objectNode().put("reason", reason));
            return ps.executeUpdate() == 1;
        }
    }
}
