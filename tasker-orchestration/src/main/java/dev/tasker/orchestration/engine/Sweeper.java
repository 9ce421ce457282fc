package dev.tasker.orchestration.engine;

import dev.tasker.runtime.db.AdvisoryLocks;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Recovery, run periodically by one orchestration replica at a time (a transaction-scoped advisory lock):
 * <ol>
 * <li>steps {@code in_progress} past their timeout plus the grace period (their worker died or hung), or held by
 * a worker that is gone (restarted, deregistered, silent), are failed as retryable, so the retry policy decides
 * between another attempt and error;</li>
 * <li>steps awaiting the orchestration, or enqueued, whose message is missing get it again;</li>
 * <li>tasks in motion with nothing in flight and nothing pending for a while are evaluated again (resumes a
 * task whose evaluation never happened).</li>
 * </ol>
 * It also refreshes the queue-depth gauges.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    private static final long LOCK_KEY = 0x7461736b6572L; // "tasker"
    private static final int BATCH = 200;

    private final Db db;
    private final PgQueue queue;
    private final OrchestrationConfig config;
    private final MeterRegistry metrics;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    public Sweeper(Db db, PgQueue queue, OrchestrationConfig config, MeterRegistry metrics) {
        this.db = db;
        this.queue = queue;
        this.config = config;
        this.metrics = metrics;
    }

    /** What one sweep did. */
    public record Sweep(int expiredClaims, int resentMessages, int resumedTasks) {
    }

    @Scheduled(every = "${tasker.orchestration.sweep-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Sweep s = sweep();
            if (s.expiredClaims() + s.resentMessages() + s.resumedTasks() > 0) {
                LOG.infof("sweeper: %d expired claims failed, %d messages re-sent, %d tasks resumed",
                        s.expiredClaims(), s.resentMessages(), s.resumedTasks());
            }
            refreshDepths();
        } catch (RuntimeException e) {
            LOG.warnf("sweep failed: %s", e.getMessage());
        }
    }

    public Sweep sweep() {
        return db.inTransaction(c -> {
            if (!AdvisoryLocks.tryForTransaction(c, LOCK_KEY)) {
                return new Sweep(0, 0, 0);
            }
            int expired = failExpiredClaims(c);
            int resent = resendMissingMessages(c);
            int resumed = resumeStalledTasks(c);
            return new Sweep(expired, resent, resumed);
        });
    }

    /**
     * A claim is void when its step ran past timeout plus grace, or when the worker that holds it is gone: it
     * registered again since the claim (a restart; registered_at marks each incarnation), it deregistered, or its
     * heartbeat is older than worker-stale-after. The latter cases recover a crashed worker's steps in seconds
     * instead of after their timeout, which may be hours. Claims by workers the registry does not know only expire.
     */
    private int failExpiredClaims(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                WITH expired AS (
                    SELECT s.step_uuid,
                           CASE WHEN w.registered_at > s.last_attempted_at
                                     THEN 'worker ' || w.worker_id || ' restarted after it claimed this step'
                                WHEN w.deregistered_at IS NOT NULL
                                     THEN 'worker ' || w.worker_id || ' deregistered without reporting this step'
                                WHEN w.last_heartbeat_at < clock_timestamp() - ? * interval '1 millisecond'
                                     THEN 'worker ' || w.worker_id || ' sent no heartbeat since '
                                          || to_char(w.last_heartbeat_at AT TIME ZONE 'UTC', 'HH24:MI:SS"Z"')
                                END AS lost
                      FROM tasker_workflow_steps s LEFT JOIN tasker_workers w ON w.worker_id = s.claimed_by
                     WHERE s.current_state = 'in_progress'
                       AND (s.claim_deadline < clock_timestamp() - ? * interval '1 millisecond'
                            OR w.registered_at > s.last_attempted_at
                            OR w.deregistered_at IS NOT NULL
                            OR w.last_heartbeat_at < clock_timestamp() - ? * interval '1 millisecond')
                     ORDER BY s.claim_deadline LIMIT ? FOR UPDATE OF s SKIP LOCKED
                ), failed AS (
                    UPDATE tasker_workflow_steps s
                       SET current_state = 'enqueued_as_error_for_orchestration', claim_deadline = NULL,
                           updated_at = clock_timestamp(), completed_at = clock_timestamp(),
                           error = jsonb_build_object(
                               'message', coalesce(e.lost, 'no result within the step timeout of '
                                          || s.timeout_seconds || ' s plus grace from worker '
                                          || coalesce(s.claimed_by, 'unknown')
                                          || ': the worker stopped or the handler hung'),
                               'error_type', CASE WHEN e.lost IS NULL THEN 'step_timeout' ELSE 'worker_lost' END,
                               'retryable', true)
                      FROM expired e WHERE s.step_uuid = e.step_uuid
                    RETURNING s.step_uuid, s.task_uuid, s.claimed_by, e.lost
                ), transitions AS (
                    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                    SELECT step_uuid, task_uuid, 'in_progress', 'enqueued_as_error_for_orchestration',
                           jsonb_build_object('reason', CASE WHEN lost IS NULL THEN 'claim expired'
                                                             ELSE 'worker lost' END,
                                              'worker_id', claimed_by)
                      FROM failed
                )
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT ?, jsonb_build_object('kind', 'step_result', 'task_uuid', task_uuid, 'step_uuid', step_uuid)
                  FROM failed""")) {
            long stale = config.workerStaleAfter().toMillis();
            long grace = config.claimGrace().toMillis();
            ps.setLong(1, stale);
            ps.setLong(2, grace);
            ps.setLong(3, stale);
            ps.setInt(4, BATCH);
            ps.setString(5, PgQueue.RESULTS_QUEUE);
            return ps.executeUpdate();
        }
    }

    private int resendMissingMessages(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT CASE WHEN s.current_state = 'enqueued' THEN 'worker_' || t.namespace || '_queue' ELSE ? END,
                       CASE WHEN s.current_state = 'enqueued'
                            THEN jsonb_build_object('task_uuid', s.task_uuid, 'step_uuid', s.step_uuid)
                            ELSE jsonb_build_object('kind', 'step_result', 'task_uuid', s.task_uuid,
                                                    'step_uuid', s.step_uuid) END
                  FROM tasker_workflow_steps s JOIN tasker_tasks t ON t.task_uuid = s.task_uuid
                 WHERE s.current_state IN ('enqueued', 'enqueued_for_orchestration', 'enqueued_as_error_for_orchestration')
                   AND s.updated_at < clock_timestamp() - ? * interval '1 millisecond'
                   AND NOT tasker_task_is_terminal(t.status)
                   AND NOT EXISTS (SELECT 1 FROM tasker_queue_messages m
                                    WHERE m.message ->> 'task_uuid' = s.task_uuid::text
                                      AND m.message ->> 'step_uuid' = s.step_uuid::text)
                 LIMIT ?""")) {
            ps.setString(1, PgQueue.RESULTS_QUEUE);
            ps.setLong(2, config.stalledAfter().toMillis());
            ps.setInt(3, BATCH);
            return ps.executeUpdate();
        }
    }

    private int resumeStalledTasks(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT ?, jsonb_build_object('kind', 'evaluate_task', 'task_uuid', t.task_uuid)
                  FROM tasker_tasks t
                 WHERE NOT tasker_task_is_terminal(t.status)
                   AND t.updated_at < clock_timestamp() - ? * interval '1 millisecond'
                   AND NOT EXISTS (SELECT 1 FROM tasker_workflow_steps s
                                    WHERE s.task_uuid = t.task_uuid
                                      AND s.current_state IN ('enqueued', 'in_progress', 'enqueued_for_orchestration',
                                                              'enqueued_as_error_for_orchestration'))
                   AND NOT EXISTS (SELECT 1 FROM tasker_queue_messages m
                                    WHERE m.message ->> 'task_uuid' = t.task_uuid::text)
                 LIMIT ?""")) {
            ps.setString(1, PgQueue.RESULTS_QUEUE);
            ps.setLong(2, config.stalledAfter().toMillis());
            ps.setInt(3, BATCH);
            return ps.executeUpdate();
        }
    }

    private void refreshDepths() {
        Map<String, long[]> current = db.read(queue::depths);
        depths.forEach((q, value) -> value.set(current.containsKey(q) ? current.get(q)[0] : 0));
        current.forEach((q, counts) -> depths.computeIfAbsent(q, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("tasker_queue_depth", value, AtomicLong::get).tag("queue", name)
                    .description("Visible messages waiting in the queue").register(metrics);
            return value;
        }).set(counts[0]));
    }
}
