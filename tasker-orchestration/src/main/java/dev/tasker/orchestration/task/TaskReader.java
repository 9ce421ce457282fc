package dev.tasker.orchestration.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads tasks, their steps and their history for the API. */
@ApplicationScoped
public class TaskReader {

    /** A step is ready when it may be enqueued now: the same rule the evaluator enqueues by. */
    static final String READY = """
            (s.current_state = 'pending' OR (s.current_state = 'waiting_for_retry' AND s.next_retry_at <= clock_timestamp()))
            AND s.attempts < s.retry_limit
            AND NOT EXISTS (SELECT 1 FROM tasker_workflow_step_edges e
                              JOIN tasker_workflow_steps p ON p.step_uuid = e.from_step_uuid
                             WHERE e.to_step_uuid = s.step_uuid
                               AND p.current_state NOT IN ('complete', 'resolved_manually'))""";

    private final Db db;
    private final Json json;
    private final TaskRows rows;

    public TaskReader(Db db, Json json, TaskRows rows) {
        this.db = db;
        this.json = json;
        this.rows = rows;
    }

    public TaskResponse get(UUID taskUuid) {
        return find(taskUuid).orElseThrow(() -> ApiException.notFound("task " + taskUuid + " not found"));
    }

    /** The task and its steps from one statement, so both come from the same snapshot. */
    public Optional<TaskResponse> find(UUID taskUuid) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.TASK_COLUMNS + ", "
                    + TaskRows.STEP_COLUMNS + ", (" + READY + ") AS ready FROM tasker_tasks t"
                    + " LEFT JOIN tasker_workflow_steps s ON s.task_uuid = t.task_uuid"
                    + " WHERE t.task_uuid = ? ORDER BY s.position")) {
                ps.setObject(1, taskUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rows.task(rs);
                }
            }
        });
    }

    public List<StepResponse> steps(UUID taskUuid) {
        return get(taskUuid).steps();
    }

    public StepResponse step(UUID taskUuid, UUID stepUuid) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TaskRows.STEP_COLUMNS
                    + " FROM tasker_workflow_steps s WHERE s.task_uuid = ? AND s.step_uuid = ?")) {
                ps.setObject(1, taskUuid);
                ps.setObject(2, stepUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rows.step(rs);
                    }
                }
            }
            throw ApiException.notFound(exists(c, taskUuid)
                    ? "step " + stepUuid + " is not a step of task " + taskUuid
                    : "task " + taskUuid + " not found");
        });
    }

    public TaskListResponse list(TaskFilter f, int page, int perPage) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        condition(where, params, "t.namespace = ?", f.namespace());
        condition(where, params, "t.name = ?", f.name());
        condition(where, params, "t.status = ?", f.status() == null ? null : f.status().wire());
        condition(where, params, "t.initiator = ?", f.initiator());
        condition(where, params, "t.source_system = ?", f.sourceSystem());
        condition(where, params, "t.correlation_id = ?", f.correlationId());
        condition(where, params, "t.tags @> ARRAY[?::text]", f.tag());
        condition(where, params, "t.created_at > ?", f.createdAfter() == null ? null : Json.timestamp(f.createdAfter()));
        condition(where, params, "t.created_at < ?", f.createdBefore() == null ? null : Json.timestamp(f.createdBefore()));
        return db.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tasker_tasks t" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<TaskSummary> tasks = new ArrayList<>();
            // The page first, then the step counts of its tasks only: counted before the LIMIT, they were counted
            // for every task the filter matched.
            try (PreparedStatement ps = c.prepareStatement("SELECT t.*, agg.total, agg.done, agg.failed FROM ("
                    + "SELECT * FROM tasker_tasks t" + where
                    + " ORDER BY t.created_at DESC, t.task_uuid DESC LIMIT ? OFFSET ?) t " + """
                     CROSS JOIN LATERAL (
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE current_state IN ('complete', 'resolved_manually')) AS done,
                               count(*) FILTER (WHERE current_state = 'error') AS failed
                          FROM tasker_workflow_steps s WHERE s.task_uuid = t.task_uuid) agg
                     ORDER BY t.created_at DESC, t.task_uuid DESC""")) {
                int next = bind(ps, params);
                ps.setInt(next++, perPage);
                ps.setLong(next, (long) (page - 1) * perPage);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int totalSteps = rs.getInt("total");
                        int done = rs.getInt("done");
                        tasks.add(new TaskSummary(rs.getObject("task_uuid", UUID.class), rs.getString("namespace"),
                                rs.getString("name"), rs.getString("version"),
                                TaskState.fromWire(rs.getString("status")), TaskRows.percent(done, totalSteps), totalSteps,
                                done, rs.getInt("failed"), rs.getString("initiator"), rs.getString("source_system"),
                                tags(rs), rs.getInt("priority"), rs.getString("correlation_id"),
                                Json.instant(rs, "created_at"), Json.instant(rs, "updated_at"),
                                Json.instant(rs, "completed_at")));
                    }
                }
            }
            return new TaskListResponse(tasks, TaskListResponse.Pagination.of(page, perPage, total));
        });
    }

    /** The task's and its steps' transitions, oldest first. */
    public List<TransitionResponse> transitions(UUID taskUuid) {
        return db.read(c -> {
            if (!exists(c, taskUuid)) {
                throw ApiException.notFound("task " + taskUuid + " not found");
            }
            List<TransitionResponse> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT 'task' AS subject, NULL::uuid AS step_uuid, NULL AS step_name, from_state, to_state,
                           metadata, created_at, id, 0 AS kind
                      FROM tasker_task_transitions WHERE task_uuid = ?
                    UNION ALL
                    SELECT 'step', st.step_uuid, s.name, st.from_state, st.to_state, st.metadata, st.created_at, st.id, 1
                      FROM tasker_workflow_step_transitions st
                      JOIN tasker_workflow_steps s ON s.step_uuid = st.step_uuid
                     WHERE st.task_uuid = ?
                     ORDER BY created_at, kind, id""")) {
                ps.setObject(1, taskUuid);
                ps.setObject(2, taskUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TransitionResponse(rs.getString("subject"), rs.getObject("step_uuid", UUID.class),
                                rs.getString("step_name"), rs.getString("from_state"), rs.getString("to_state"),
                                Json.instant(rs, "created_at"), json.read(rs, "metadata")));
                    }
                }
            }
            return out;
        });
    }

    static boolean exists(Connection c, UUID taskUuid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tasker_tasks WHERE task_uuid = ?")) {
            ps.setObject(1, taskUuid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("tags").getArray());
    }

    private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.add(value);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
