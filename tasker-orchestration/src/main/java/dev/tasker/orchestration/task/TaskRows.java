package dev.tasker.orchestration.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepError;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.runtime.db.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A task with its steps, from rows that carry the task's columns (as {@link #TASK_COLUMNS}), the step's columns
 * (as {@link #STEP_COLUMNS}, NULL for a task without steps) and a boolean {@code ready} per step. The reader selects
 * them from the tables; the creator gets them back from its own inserts.
 */
@ApplicationScoped
public class TaskRows {

    static final String TASK_COLUMNS = """
            t.task_uuid AS t_task_uuid, t.namespace AS t_namespace, t.name AS t_name, t.version AS t_version,
            t.status AS t_status, t.context AS t_context, t.initiator AS t_initiator,
            t.source_system AS t_source_system, t.reason AS t_reason, t.tags AS t_tags, t.priority AS t_priority,
            t.correlation_id AS t_correlation_id, t.idempotency_key AS t_idempotency_key,
            t.created_at AS t_created_at, t.updated_at AS t_updated_at, t.completed_at AS t_completed_at""";

    static final String STEP_COLUMNS = """
            s.step_uuid, s.task_uuid, s.name, s.handler, s.current_state, s.dependencies, s.attempts, s.retry_limit,
            s.retryable, s.timeout_seconds, s.next_retry_at, s.last_attempted_at, s.claimed_by, s.results, s.error,
            s.created_at, s.updated_at, s.completed_at""";

    /** The task's own columns, read once from the first row. */
    private record TaskRow(UUID taskUuid, String namespace, String name, String version, TaskState status,
            JsonNode context, String initiator, String sourceSystem, String reason, List<String> tags, int priority,
            String correlationId, String idempotencyKey, Instant createdAt, Instant updatedAt, Instant completedAt) {
    }

    private final Json json;

    public TaskRows(Json json) {
        this.json = json;
    }

    /** The task in the rows, with its steps in row order; empty when there are no rows. */
    Optional<TaskResponse> task(ResultSet rs) throws SQLException {
        List<StepResponse> steps = new ArrayList<>();
        int ready = 0;
        TaskRow task = null;
        while (rs.next()) {
            if (task == null) {
                task = taskRow(rs);
            }
            if (rs.getObject("step_uuid") != null) {
                steps.add(step(rs));
                ready += rs.getBoolean("ready") ? 1 : 0;
            }
        }
        return task == null ? Optional.empty() : Optional.of(task(task, steps, ready));
    }

    StepResponse step(ResultSet rs) throws SQLException {
        JsonNode error = json.read(rs, "error");
        StepError stepError = null;
        if (error != null && error.isObject()) {
            try {
                stepError = json.mapper().treeToValue(error, StepError.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("step error is unreadable: " + error, e);
            }
        }
        return new StepResponse(rs.getObject("step_uuid", UUID.class), rs.getObject("task_uuid", UUID.class),
                rs.getString("name"), rs.getString("handler"), StepState.fromWire(rs.getString("current_state")),
                Arrays.asList((String[]) rs.getArray("dependencies").getArray()), rs.getInt("attempts"),
                rs.getInt("retry_limit"), rs.getBoolean("retryable"), rs.getInt("timeout_seconds"),
                Json.instant(rs, "next_retry_at"), Json.instant(rs, "last_attempted_at"), rs.getString("claimed_by"),
                json.read(rs, "results"), stepError, Json.instant(rs, "created_at"), Json.instant(rs, "updated_at"),
                Json.instant(rs, "completed_at"));
    }

    static double percent(int done, int total) {
        return total == 0 ? 0.0 : Math.round(done * 10000.0 / total) / 100.0;
    }

    private TaskRow taskRow(ResultSet rs) throws SQLException {
        return new TaskRow(rs.getObject("t_task_uuid", UUID.class), rs.getString("t_namespace"),
                rs.getString("t_name"), rs.getString("t_version"), TaskState.fromWire(rs.getString("t_status")),
                json.read(rs, "t_context"), rs.getString("t_initiator"), rs.getString("t_source_system"),
                rs.getString("t_reason"), Arrays.asList((String[]) rs.getArray("t_tags").getArray()),
                rs.getInt("t_priority"), rs.getString("t_correlation_id"), rs.getString("t_idempotency_key"),
                Json.instant(rs, "t_created_at"), Json.instant(rs, "t_updated_at"),
                Json.instant(rs, "t_completed_at"));
    }

    private static TaskResponse task(TaskRow t, List<StepResponse> steps, int ready) {
        int total = steps.size();
        int pending = 0;
        int inProgress = 0;
        int done = 0;
        int failed = 0;
        for (StepResponse s : steps) {
            switch (s.currentState()) {
                case PENDING, WAITING_FOR_RETRY -> pending++;
                case ENQUEUED, IN_PROGRESS, ENQUEUED_FOR_ORCHESTRATION, ENQUEUED_AS_ERROR_FOR_ORCHESTRATION -> inProgress++;
                case COMPLETE, RESOLVED_MANUALLY -> done++;
                case ERROR -> failed++;
                case CANCELLED -> { }
            }
        }
        return new TaskResponse(t.taskUuid(), t.namespace(), t.name(), t.version(), t.status(),
                ExecutionStatus.of(total, done, failed, inProgress, ready), percent(done, total), total, pending,
                inProgress, done, failed, ready, t.context(), t.initiator(), t.sourceSystem(), t.reason(), t.tags(),
                t.priority(), t.correlationId(), t.idempotencyKey(), t.createdAt(), t.updatedAt(), t.completedAt(),
                steps);
    }
}
