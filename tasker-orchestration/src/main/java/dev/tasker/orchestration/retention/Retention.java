package dev.tasker.orchestration.retention;

import dev.tasker.api.state.StepState;
import dev.tasker.runtime.db.AdvisoryLocks;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Deletes tasks that finished longer than {@code tasker.retention.max-age} ago, with their steps, edges and
 * transitions (the foreign keys cascade) and any queue message that still names them. Batches of
 * {@code batch-size} tasks, one transaction each, so that no transaction holds many row locks for long; at most
 * {@value #MAX_BATCHES_PER_RUN} batches a run, so that a large backlog is worked off over several runs instead of
 * one that never ends.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    /**
     * Not the sweeper's key: a run of many batches would keep taking the sweeper's lock and make recovery skip its
     * sweeps meanwhile, and a purge would give up whenever a sweep happened to run. They need no exclusion from
     * each other: the sweeper works on tasks in motion and on running steps, which a purge never selects.
     */
    private static final long LOCK_KEY = 0x7461736b657252L; // "taskerR"
    static final int MAX_BATCHES_PER_RUN = 100;
    /**
     * Step states a worker or the results queue will still move on from. A cancelled task's running steps finish
     * and are recorded after the cancel; such a task waits until they have, so that no report, result or expired
     * claim meets a task being deleted under it.
     */
    private static final List<String> STEPS_STILL_MOVING = Stream.of(StepState.IN_PROGRESS,
            StepState.ENQUEUED_FOR_ORCHESTRATION, StepState.ENQUEUED_AS_ERROR_FOR_ORCHESTRATION)
            .map(StepState::wire).toList();

    private final Db db;
    private final RetentionPolicy policy;
    private final Counter purged;

    public Retention(Db db, RetentionPolicy policy, MeterRegistry metrics) {
        this.db = db;
        this.policy = policy;
        this.purged = Counter.builder("tasker.retention.purged.tasks")
                .description("Finished tasks deleted by retention, with their steps, edges and transitions")
                .register(metrics);
    }

    /** What one run did: the batches that deleted something and the tasks they deleted. */
    public record Purge(int batches, int tasks) {
    }

    // The first run waits one interval: start-up is the busiest moment of a service, and deletion can wait.
    @Scheduled(every = "${tasker.retention.interval:1m}", delayed = "${tasker.retention.interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("retention run failed (the next run goes on where it stopped): %s", e.getMessage());
        }
    }

    /**
     * One run: batch after batch until one comes back short, another replica holds the lock, or
     * {@value #MAX_BATCHES_PER_RUN} batches are done. Does nothing when retention is off.
     */
    public Purge purge() {
        if (!policy.enabled()) {
            return new Purge(0, 0);
        }
        // The database's clock, which wrote completed_at; one cutoff for the whole run.
        Instant cutoff = db.read(this::cutoff);
        int batches = 0;
        int tasks = 0;
        while (batches < MAX_BATCHES_PER_RUN) {
            OptionalInt deleted = db.inTransaction(c -> AdvisoryLocks.tryForTransaction(c, LOCK_KEY)
                    ? OptionalInt.of(deleteBatch(c, cutoff)) : OptionalInt.empty());
            if (deleted.isEmpty()) {
                break; // another replica is purging: it goes on with the same rows
            }
            int count = deleted.getAsInt();
            if (count > 0) {
                batches++;
                tasks += count;
                purged.increment(count);
                LOG.infof("retention batch %d: deleted %d tasks finished before %s", batches, count, cutoff);
            }
            if (count < policy.batchSize()) {
                break;
            }
        }
        return new Purge(batches, tasks);
    }

    private Instant cutoff(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT clock_timestamp() - ? * interval '1 millisecond' AS cutoff")) {
            ps.setLong(1, policy.maxAge().toMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Json.instant(rs, "cutoff");
            }
        }
    }

    /**
     * Three statements, in the order of the locks they take: the tasks (locked here, so no retry, cancel or result
     * changes them meanwhile), then their queue messages, then their steps (the cascade). A claim locks a message
     * before its step and a worker's report the task, message and step in this order too, so neither can wait for
     * this transaction while it waits for them. One statement with data-modifying CTEs would leave that order to
     * PostgreSQL. The batch is read once into a list rather than as {@code IN (SELECT ... LIMIT ... SKIP LOCKED)}
     * inside the delete, which the planner may run more than once, each time finding other rows (see PgQueue.claim).
     */
    private int deleteBatch(Connection c, Instant cutoff) throws SQLException {
        List<UUID> batch = new ArrayList<>();
        // OFFSET 0 keeps NOT EXISTS a probe of each candidate's steps by task_uuid. Without it the planner makes it
        // an anti-join that reads every step of every task (a sequential scan: 165 ms at 800,000 steps against
        // 3 ms, and growing with the table); with it the scan follows tasker_tasks_finished and stops at the limit.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.task_uuid FROM tasker_tasks t
                 WHERE tasker_task_is_terminal(t.status) AND t.completed_at < ?
                   AND NOT EXISTS (SELECT 1 FROM tasker_workflow_steps s
                                    WHERE s.task_uuid = t.task_uuid AND s.current_state = ANY (?) OFFSET 0)
                 ORDER BY t.completed_at LIMIT ? FOR UPDATE OF t SKIP LOCKED""")) {
            ps.setTimestamp(1, Json.timestamp(cutoff));
            ps.setArray(2, c.createArrayOf("text", STEPS_STILL_MOVING.toArray()));
            ps.setInt(3, policy.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batch.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM tasker_queue_messages WHERE message ->> 'task_uuid' = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", batch.stream().map(UUID::toString).toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tasker_tasks WHERE task_uuid = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", batch.toArray()));
            return ps.executeUpdate();
        }
    }
}
