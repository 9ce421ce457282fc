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
import dev.tasker.orchestration.engine.OrchestrationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern PLAN_ROWS = Pattern.compile(" rows=(\\d+) ");

    private final Db db;
    private final Json json;
    private final TaskRows rows;
    private final int exactCountLimit;

    @Inject
    public TaskReader(Db db, Json json, TaskRows rows, OrchestrationConfig config) {
        this(db, json, rows, config.listExactCountLimit());
    }

    TaskReader(Db db, Json json, TaskRows rows, int exactCountLimit) {
        this.db = db;
        this.json = json;
        this.rows = rows;
        this.exactCountLimit = exactCountLimit;
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

    /**
     * A page of the tasks the filter selects, newest first: by page number ({@code cursor} null), or after the last
     * task of the page a cursor came from.
     */
    public TaskListResponse list(TaskFilter f, int page, int perPage, TaskCursor cursor) {
        Where where = Where.of(f);
        return db.read(c -> {
            List<TaskSummary> tasks = page(c, where, cursor, perPage + 1, cursor == null ? (long) (page - 1) * perPage : 0);
            boolean hasNext = tasks.size() > perPage;
            if (hasNext) {
                tasks.remove(perPage);
            }
            int number = cursor == null ? page : cursor.page();
            long total = boundedCount(c, where);
            boolean exact = total <= exactCountLimit;
            if (!exact) {
                total = Math.max(estimate(c, where), Math.max(exactCountLimit + 1L, (long) number * perPage));
            }
            String next = null;
            if (hasNext) {
                TaskSummary last = tasks.get(tasks.size() - 1);
                next = new TaskCursor(last.createdAt(), last.taskUuid(), number + 1).encode();
            }
            return new TaskListResponse(tasks, TaskListResponse.Pagination.of(number, perPage, total, exact, hasNext,
                    next));
        });
    }

    /** How many tasks the filter selects, exactly, however many: for bulk actions, which say what they matched. */
    public long count(TaskFilter f) {
        Where where = Where.of(f);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tasker_tasks t" + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<TaskSummary> page(Connection c, Where where, TaskCursor cursor, int limit, long offset)
            throws SQLException {
        String after = cursor == null ? "" : " AND (t.created_at, t.task_uuid) < (?, ?)";
        List<TaskSummary> tasks = new ArrayList<>();
        // The page's keys first, from an index alone where one covers the filter (a deep offset then skips index
        // entries, not rows); then those tasks' rows, and the step counts of those tasks only.
        try (PreparedStatement ps = c.prepareStatement("SELECT t.*, agg.total, agg.done, agg.failed FROM ("
                + "SELECT t.task_uuid FROM tasker_tasks t" + where.sql() + after
                + " ORDER BY t.created_at DESC, t.task_uuid DESC LIMIT ? OFFSET ?) k"
                + " JOIN tasker_tasks t ON t.task_uuid = k.task_uuid " + """
                 CROSS JOIN LATERAL (
                    SELECT count(*) AS total,
                           count(*) FILTER (WHERE current_state IN ('complete', 'resolved_manually')) AS done,
                           count(*) FILTER (WHERE current_state = 'error') AS failed
                      FROM tasker_workflow_steps s WHERE s.task_uuid = t.task_uuid) agg
                 ORDER BY t.created_at DESC, t.task_uuid DESC""")) {
            int next = where.bind(ps, 1);
            if (cursor != null) {
                ps.setObject(next++, OffsetDateTime.ofInstant(cursor.createdAt(), ZoneOffset.UTC));
                ps.setObject(next++, cursor.taskUuid());
            }
            ps.setInt(next++, limit);
            ps.setLong(next, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tasks.add(summary(rs));
                }
            }
        }
        return tasks;
    }

    /** The filter's count up to one past the exact-count limit: the rest would not change what is shown. */
    private long boundedCount(Connection c, Where where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM tasker_tasks t"
                + where.sql() + " LIMIT ?) x")) {
            ps.setInt(where.bind(ps, 1), exactCountLimit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The planner's estimate of the filter's rows, from the statistics ANALYZE keeps. */
    private static long estimate(Connection c, Where where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN SELECT 1 FROM tasker_tasks t" + where.sql())) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                Matcher rows = rs.next() ? PLAN_ROWS.matcher(rs.getString(1)) : null;
                return rows != null && rows.find() ? Long.parseLong(rows.group(1)) : 0;
            }
        }
    }

    private static TaskSummary summary(ResultSet rs) throws SQLException {
        int totalSteps = rs.getInt("total");
        int done = rs.getInt("done");
        return new TaskSummary(rs.getObject("task_uuid", UUID.class), rs.getString("namespace"),
                rs.getString("name"), rs.getString("version"), TaskState.fromWire(rs.getString("status")),
                TaskRows.percent(done, totalSteps), totalSteps, done, rs.getInt("failed"), rs.getString("initiator"),
                rs.getString("source_system"), tags(rs), rs.getInt("priority"), rs.getString("correlation_id"),
                Json.instant(rs, "created_at"), Json.instant(rs, "updated_at"), Json.instant(rs, "completed_at"));
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

    /** The WHERE clause of a filter and its values, in the order they bind. */
    private record Where(String sql, List<Object> params) {

        static Where of(TaskFilter f) {
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
            condition(where, params, "t.created_at < ?",
                    f.createdBefore() == null ? null : Json.timestamp(f.createdBefore()));
            return new Where(where.toString(), List.copyOf(params));
        }

        private static void condition(StringBuilder where, List<Object> params, String sql, Object value) {
            if (value != null) {
                where.append(" AND ").append(sql);
                params.add(value);
            }
        }

        /** Binds the values from parameter {@code first} on; returns the next free parameter. */
        int bind(PreparedStatement ps, int first) throws SQLException {
            int i = first;
            for (Object p : params) {
                ps.setObject(i++, p);
            }
            return i;
        }
    }
}
