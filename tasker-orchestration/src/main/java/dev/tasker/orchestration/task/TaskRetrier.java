package dev.tasker.orchestration.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.orchestration.engine.TaskEvaluator;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.web.ApiException;
import dev.tasker.runtime.web.JsonLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Resumes a failed task from the steps that failed: they go back to pending with a fresh attempt counter (their
 * queued retry, if any, is dropped), completed steps keep their results, and the task is evaluated at once, so
 * the steps that are ready run again. Every step's change is recorded with who asked and why.
 */
@ApplicationScoped
public class TaskRetrier {

    private static final int MAX_TEXT = 255;
    private static final int MAX_REASON = 2000;
    private static final int MAX_STEPS = 1000;
    private static final Set<StepState> RETRYABLE_STEPS = EnumSet.of(StepState.ERROR, StepState.WAITING_FOR_RETRY);
    private static final Set<TaskState> FINISHED = EnumSet.of(TaskState.COMPLETE, TaskState.CANCELLED,
            TaskState.RESOLVED_MANUALLY);

    private final Db db;
    private final Json json;
    private final TaskEvaluator evaluator;

    public TaskRetrier(Db db, Json json, TaskEvaluator evaluator) {
        this.db = db;
        this.json = json;
        this.evaluator = evaluator;
    }

    /** The task's state after the retry. */
    public TaskState retry(UUID taskUuid, TaskRetryRequest request) {
        check(request);
        return db.inTransaction(c -> {
            TaskState task;
            String namespace;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, namespace FROM tasker_tasks WHERE task_uuid = ? FOR NO KEY UPDATE")) {
                ps.setObject(1, taskUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("task " + taskUuid + " not found");
                    }
                    task = TaskState.fromWire(rs.getString("status"));
                    namespace = rs.getString("namespace");
                }
            }
            if (FINISHED.contains(task)) {
                throw ApiException.conflict("task " + taskUuid + " is " + task.wire() + "; only a task with failed "
                        + "steps (error, blocked_by_failures) or steps waiting for a retry can be retried");
            }
            List<String> selected = select(taskUuid, task, steps(c, taskUuid), request.steps());
            ObjectNode meta = JsonNodeFactory.instance.objectNode().put("retried_by", request.requestedBy());
            if (request.reason() != null) {
                meta.put("reason", request.reason());
            }
            if (request.context() != null && request.context().isObject() && !request.context().isEmpty()) {
                ArrayNode keys = meta.putArray("context_changed");
                request.context().fieldNames().forEachRemaining(keys::add);
                mergeContext(c, taskUuid, (ObjectNode) request.context());
            }
            reset(c, taskUuid, selected, meta);
            return evaluator.evaluate(c, taskUuid, namespace, task, "retried by " + request.requestedBy()
                    + (request.reason() == null ? "" : ": " + request.reason()));
        });
    }

    /** The steps to retry: the named ones, or every step in error. */
    private static List<String> select(UUID taskUuid, TaskState task, Map<String, StepState> steps,
            List<String> named) {
        List<String> inError = steps.entrySet().stream().filter(e -> e.getValue() == StepState.ERROR)
                .map(Map.Entry::getKey).toList();
        if (named == null || named.isEmpty()) {
            if (inError.isEmpty()) {
                throw ApiException.conflict("task " + taskUuid + " (" + task.wire() + ") has no step in error to "
                        + "retry; name a step waiting_for_retry in \"steps\" to retry it now");
            }
            return inError;
        }
        List<String> selected = new ArrayList<>();
        for (String name : named) {
            StepState state = steps.get(name);
            if (state == null) {
                throw ApiException.badRequest("task " + taskUuid + " has no step '" + name + "' (its steps: "
                        + String.join(", ", steps.keySet()) + ")");
            }
            if (!RETRYABLE_STEPS.contains(state)) {
                throw ApiException.conflict("step '" + name + "' is " + state.wire() + "; only steps in error or "
                        + "waiting_for_retry can be retried");
            }
            if (!selected.contains(name)) {
                selected.add(name);
            }
        }
        List<String> leftInError = inError.stream().filter(n -> !selected.contains(n)).toList();
        if (!leftInError.isEmpty()) {
            throw ApiException.conflict("step(s) " + String.join(", ", leftInError) + " of task " + taskUuid
                    + " are in error too and would keep it from running: retry them as well, or resolve them by hand");
        }
        return selected;
    }

    private static Map<String, StepState> steps(Connection c, UUID taskUuid) throws SQLException {
        Map<String, StepState> steps = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, current_state FROM tasker_workflow_steps WHERE task_uuid = ? ORDER BY position")) {
            ps.setObject(1, taskUuid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.put(rs.getString("name"), StepState.fromWire(rs.getString("current_state")));
                }
            }
        }
        return steps;
    }

    private void mergeContext(Connection c, UUID taskUuid, ObjectNode context) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE tasker_tasks SET context = context || ?::jsonb, updated_at = clock_timestamp()
                 WHERE task_uuid = ?""")) {
            json.set(ps, 1, context);
            ps.setObject(2, taskUuid);
            ps.executeUpdate();
        }
    }

    // The steps' queued retries are removed first, in a statement of their own: messages before steps, the order
    // claims lock them in (see TaskCanceller). Then one statement: every CTE sees the rows as they were, so
    // "before" holds each step's state and attempts ahead of the reset, for its transition.
    private void reset(Connection c, UUID taskUuid, List<String> names, ObjectNode meta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM tasker_queue_messages
                 WHERE message ->> 'task_uuid' = ?::text
                   AND message ->> 'step_uuid' IN (
                       SELECT step_uuid::text FROM tasker_workflow_steps
                        WHERE task_uuid = ? AND name = ANY (?) AND current_state IN ('error', 'waiting_for_retry'))""")) {
            ps.setString(1, taskUuid.toString());
            ps.setObject(2, taskUuid);
            ps.setArray(3, c.createArrayOf("text", names.toArray()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                WITH before AS (
                    SELECT step_uuid, current_state, attempts FROM tasker_workflow_steps
                     WHERE task_uuid = ? AND name = ANY (?) AND current_state IN ('error', 'waiting_for_retry')
                ), retried AS (
                    UPDATE tasker_workflow_steps s
                       SET current_state = 'pending', attempts = 0, error = NULL, results = NULL,
                           next_retry_at = NULL, claimed_by = NULL, claim_deadline = NULL, completed_at = NULL,
                           updated_at = clock_timestamp()
                      FROM before b WHERE s.step_uuid = b.step_uuid
                    RETURNING s.step_uuid, s.task_uuid
                )
                INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                SELECT r.step_uuid, r.task_uuid, b.current_state, 'pending',
                       ?::jsonb || jsonb_build_object('previous_attempts', b.attempts)
                  FROM retried r JOIN before b USING (step_uuid)""")) {
            ps.setObject(1, taskUuid);
            ps.setArray(2, c.createArrayOf("text", names.toArray()));
            json.set(ps, 3, meta);
            ps.executeUpdate();
        }
    }

    private static void check(TaskRetryRequest r) {
        if (r == null) {
            throw ApiException.badRequest("request body is required: {\"requested_by\", \"reason\", \"steps\", "
                    + "\"context\"}");
        }
        if (r.requestedBy() == null || r.requestedBy().isBlank() || r.requestedBy().length() > MAX_TEXT) {
            throw ApiException.badRequest("requested_by is required: who asks for the retry (at most " + MAX_TEXT
                    + " characters)");
        }
        if (r.reason() != null && r.reason().length() > MAX_REASON) {
            throw ApiException.badRequest("reason must be at most " + MAX_REASON + " characters");
        }
        if (r.steps() != null && (r.steps().size() > MAX_STEPS || r.steps().stream().anyMatch(
                s -> s == null || s.isBlank()))) {
            throw ApiException.badRequest("steps must be a list of at most " + MAX_STEPS + " step names, none blank");
        }
        if (r.context() != null && !r.context().isNull() && !r.context().isObject()) {
            throw ApiException.badRequest("context must be a JSON object (merged over the task's context), got "
                    + r.context().getNodeType().name().toLowerCase());
        }
        JsonLimits.check("context", r.context());
    }
}
