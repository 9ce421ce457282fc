package dev.tasker.workers.java.worker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads what the worker left in the database: step rows, their transitions, and queue messages. */
@ApplicationScoped
public class StepRows {

    public record Step(UUID stepUuid, UUID taskUuid, String name, String state, int attempts, String claimedBy,
            JsonNode results, JsonNode error) {
    }

    public record Transition(String from, String to, JsonNode metadata) {
    }

    public record Message(long msgId, String queue, UUID stepUuid, boolean visible) {
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Db db;
    private final Json json;

    public StepRows(Db db, Json json) {
        this.db = db;
        this.json = json;
    }

    /** The steps of these tasks that depend on nothing: the ones the task's creation enqueued. */
    public List<Step> rootSteps(Collection<UUID> tasks) {
        return query("""
                SELECT * FROM tasker_workflow_steps
                 WHERE task_uuid = ANY (?) AND cardinality(dependencies) = 0 ORDER BY task_uuid, position""",
                tasks, this::step);
    }

    public Step rootStep(UUID task) {
        List<Step> roots = rootSteps(List.of(task));
        if (roots.size() != 1) {
            throw new AssertionError("task " + task + " has " + roots.size() + " root steps");
        }
        return roots.get(0);
    }

    /** The tasks' statuses, in task order. */
    public List<String> taskStatuses(Collection<UUID> tasks) {
        return query("SELECT status FROM tasker_tasks WHERE task_uuid = ANY (?) ORDER BY task_uuid", tasks,
                rs -> rs.getString("status"));
    }

    public List<Transition> transitions(UUID step) {
        return query("""
                SELECT from_state, to_state, metadata FROM tasker_workflow_step_transitions
                 WHERE step_uuid = ANY (?) ORDER BY id""", List.of(step),
                rs -> new Transition(rs.getString("from_state"), rs.getString("to_state"), json.read(rs, "metadata")));
    }

    /** Messages on the orchestration's results queue about these tasks' steps. */
    public List<Message> resultMessages(Collection<UUID> tasks) {
        return messages(tasks, true);
    }

    /** Messages about these tasks on the namespace (step) queues: what a worker would still claim. */
    public List<Message> stepMessages(Collection<UUID> tasks) {
        return messages(tasks, false);
    }

    private List<Message> messages(Collection<UUID> tasks, boolean resultsQueue) {
        return query("""
                SELECT msg_id, queue, message ->> 'step_uuid' AS step_uuid, visible_at <= clock_timestamp() AS visible
                  FROM tasker_queue_messages
                 WHERE (message ->> 'task_uuid')::uuid = ANY (?) AND (queue = '%s') = %s ORDER BY msg_id"""
                .formatted(PgQueue.RESULTS_QUEUE, resultsQueue), tasks,
                rs -> new Message(rs.getLong("msg_id"), rs.getString("queue"),
                        UUID.fromString(rs.getString("step_uuid")), rs.getBoolean("visible")));
    }

    private Step step(ResultSet rs) throws SQLException {
        return new Step(rs.getObject("step_uuid", UUID.class), rs.getObject("task_uuid", UUID.class),
                rs.getString("name"), rs.getString("current_state"), rs.getInt("attempts"),
                rs.getString("claimed_by"), json.read(rs, "results"), json.read(rs, "error"));
    }

    private <T> List<T> query(String sql, Collection<UUID> uuids, Row<T> row) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("uuid", uuids.toArray()));
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        });
    }
}
