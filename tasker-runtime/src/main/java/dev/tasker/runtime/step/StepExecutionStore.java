package dev.tasker.runtime.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepError;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of the step protocol, each call one SQL statement (atomic, one round trip):
 * claim a step (enqueued -> in_progress, attempts + 1), then report its outcome, or hand it back unstarted
 * (in_progress -> enqueued). A success is applied at once (complete, next steps enqueued, task state updated);
 * a failure goes to the orchestration's results queue, which decides between retry and error. Either report also
 * removes the step's queue message. Every update is guarded by the expected state and attempt, so a stale or
 * duplicate delivery changes nothing.
 */
@ApplicationScoped
public class StepExecutionStore {

    private final Db db;
    private final Json json;

    public StepExecutionStore(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /** A claimed step and the queue message it came from (deleted when the outcome is reported). */
    public record Claim(ClaimedStep step, long msgId) {
    }

    /** What one {@link #claimNext} did: the steps now held, and how many messages named no claimable step. */
    public record Batch(List<Claim> claims, int staleMessages) {
        public int messages() {
            return claims.size() + staleMessages;
        }
    }

    /**
     * Takes up to {@code max} visible messages of these queues for the visibility period and claims their steps,
     * in one statement (one round trip, one commit for the whole batch; the database function
     * {@code tasker_claim_messages}). Messages whose step is no longer enqueued (duplicates, cancelled or resolved
     * steps) are deleted.
     */
    public Batch claimNext(Collection<String> queues, int max, Duration visibility, String workerId) {
        List<Claim> claims = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tasker_claim_messages(?, ?, ?, ?)")) {
                ps.setArray(1, c.createArrayOf("text", queues.toArray()));
                ps.setInt(2, max);
                ps.setLong(3, visibility.toMillis());
                ps.setString(4, workerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long msgId = rs.getLong("queue_msg_id");
                        if (rs.getObject("step_uuid") == null) {
                            stale.add(msgId);
                        } else {
                            claims.add(new Claim(claimedStep(rs), msgId));
                        }
                    }
                }
            }
            if (!stale.isEmpty()) {
                deleteMessages(c, stale);
            }
            return null;
        });
        return new Batch(List.copyOf(claims), stale.size());
    }

    /** Messages whose step was not claimable (a duplicate, or cancelled or resolved meanwhile) have done their job. */
    private static void deleteMessages(Connection c, List<Long> msgIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tasker_queue_messages WHERE msg_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", msgIds.toArray()));
            ps.executeUpdate();
        }
    }

    /** Claims the step for one attempt; empty when it is not enqueued (already taken, cancelled, resolved). */
    public Optional<ClaimedStep> claim(UUID stepUuid, String workerId) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tasker_claim_step(?, ?)")) {
                ps.setObject(1, stepUuid);
                ps.setString(2, workerId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(claimedStep(rs)) : Optional.empty();
                }
            }
        });
    }

    /** What applying a success did: the task's state afterwards, and the task's next step if this worker got it. */
    public record Applied(TaskState taskState, Optional<Claim> next) {
    }

    /** The message id of a step claimed without a queue message (a worker going on with its task). */
    public static final long NO_MESSAGE = 0;

    /**
     * How a worker slot goes on after a success report: as this worker, with the task's next step or, when the task
     * has none for it, with the oldest visible message of these queues, claimed for this long.
     */
    public record GoOn(String workerId, Collection<String> queues, Duration visibility) {
    }

    /**
     * Records a successful attempt and applies it in the same transaction (database function
     * {@code tasker_complete_step}): the step completes, its queue message is removed, the steps it unblocks are
     * enqueued and the task's state is updated. With {@code goOn}, a step that is the only one this result made
     * ready is claimed for this worker in the same statement instead of queued (several are all queued, to run in
     * parallel), and when there is none the next visible message of the worker's queues is claimed instead. Empty
     * when the attempt was no longer the step's current one (nothing changed but the removal of its message).
     */
    public Optional<Applied> succeed(ClaimedStep step, long msgId, JsonNode results, Duration elapsed, GoOn goOn) {
        ObjectNode meta = meta(step, elapsed);
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM tasker_complete_step(?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)")) {
                ps.setObject(1, step.stepUuid());
                ps.setInt(2, step.attempt());
                json.set(ps, 3, results);
                json.set(ps, 4, meta);
                ps.setLong(5, msgId);
                ps.setString(6, goOn == null ? null : goOn.workerId());
                ps.setArray(7, goOn == null ? null : c.createArrayOf("text", goOn.queues().toArray()));
                if (goOn == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, goOn.visibility().toMillis());
                }
                Optional<Claim> next = Optional.empty();
                long stale = NO_MESSAGE;
                TaskState state;
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    state = TaskState.fromWire(rs.getString("task_status"));
                    long taken = rs.getLong("queue_msg_id"); // 0 (NO_MESSAGE) when NULL
                    if (rs.getObject("step_uuid") != null) {
                        next = Optional.of(new Claim(claimedStep(rs), taken));
                    } else {
                        stale = taken;
                    }
                }
                if (stale != NO_MESSAGE) {
                    deleteMessages(c, List.of(stale));
                }
                return Optional.of(new Applied(state, next));
            }
        });
    }

    /**
     * Records a failed attempt and tells the orchestration, which decides between retry and error; removes the
     * step's queue message.
     * <p>
     * The message is removed first and the step updated after (the {@code done} step waits for {@code ack}), the
     * order claims lock them in, so a claim that picked this message cannot deadlock with the report; and the
     * delete waits for a lock rather than skipping the message, which would leave it invisible until its
     * visibility timeout.
     */
    public boolean fail(ClaimedStep step, long msgId, StepError error, Duration elapsed) {
        ObjectNode meta = meta(step, elapsed).put("error_type", error.errorType());
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH ack AS (
                        DELETE FROM tasker_queue_messages WHERE msg_id = ? RETURNING msg_id
                    ), done AS (
                        UPDATE tasker_workflow_steps
                           SET current_state = 'enqueued_as_error_for_orchestration', results = NULL, error = ?::jsonb,
                               claim_deadline = NULL, completed_at = clock_timestamp(), updated_at = clock_timestamp()
                         WHERE step_uuid = ? AND current_state = 'in_progress' AND attempts = ?
                           AND (SELECT count(*) FROM ack) >= 0
                        RETURNING step_uuid, task_uuid
                    ), transition AS (
                        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                        SELECT step_uuid, task_uuid, 'in_progress', 'enqueued_as_error_for_orchestration', ?::jsonb
                          FROM done
                    ), result AS (
                        INSERT INTO tasker_queue_messages (queue, message)
                        SELECT ?, jsonb_build_object('kind', 'step_result', 'task_uuid', task_uuid, 'step_uuid', step_uuid)
                          FROM done
                    )
                    SELECT count(*) FROM done""")) {
                ps.setLong(1, msgId);
                json.set(ps, 2, error);
                ps.setObject(3, step.stepUuid());
                ps.setInt(4, step.attempt());
                json.set(ps, 5, meta);
                ps.setString(6, PgQueue.RESULTS_QUEUE);
                return count(ps) == 1;
            }
        });
    }

    /** Hands an unfinished attempt back (worker shutting down): enqueued again, the attempt not counted. */
    public boolean release(ClaimedStep step, long msgId, String why) {
        return db.autoCommit(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH released AS (
                        UPDATE tasker_workflow_steps
                           SET current_state = 'enqueued', attempts = attempts - 1, claimed_by = NULL,
                               claim_deadline = NULL, updated_at = clock_timestamp()
                         WHERE step_uuid = ? AND current_state = 'in_progress' AND attempts = ?
                        RETURNING step_uuid, task_uuid
                    ), transition AS (
                        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                        SELECT step_uuid, task_uuid, 'in_progress', 'enqueued', jsonb_build_object('released', ?::text)
                          FROM released
                    ), requeue AS (
                        INSERT INTO tasker_queue_messages (queue, message)
                        SELECT ?, jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid) FROM released
                    ), ack AS (
                        DELETE FROM tasker_queue_messages
                         WHERE msg_id IN (SELECT msg_id FROM tasker_queue_messages WHERE msg_id = ?
                                             FOR UPDATE SKIP LOCKED)
                    )
                    SELECT count(*) FROM released""")) {
                ps.setObject(1, step.stepUuid());
                ps.setInt(2, step.attempt());
                ps.setString(3, why);
                ps.setString(4, PgQueue.namespaceQueue(step.namespace()));
                ps.setLong(5, msgId);
                return count(ps) == 1;
            }
        });
    }

    private ClaimedStep claimedStep(ResultSet rs) throws java.sql.SQLException {
        return new ClaimedStep(rs.getObject("task_uuid", UUID.class), rs.getObject("step_uuid", UUID.class),
                rs.getString("namespace"), rs.getString("task_name"), rs.getString("version"), rs.getString("name"),
                rs.getString("handler"), rs.getInt("attempts"), rs.getInt("retry_limit"),
                rs.getInt("timeout_seconds"), Json.instant(rs, "claim_deadline"), json.read(rs, "context"),
                parents(json.read(rs, "parent_results")), json.read(rs, "handler_config"));
    }

    private static ObjectNode meta(ClaimedStep step, Duration elapsed) {
        return JsonNodeFactory.instance.objectNode().put("attempt", step.attempt())
                .put("duration_ms", elapsed.toMillis());
    }

    private static long count(PreparedStatement ps) throws java.sql.SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, JsonNode> parents(JsonNode object) {
        Map<String, JsonNode> parents = new HashMap<>();
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                parents.put(e.getKey(), e.getValue());
            }
        }
        return parents;
    }
}
