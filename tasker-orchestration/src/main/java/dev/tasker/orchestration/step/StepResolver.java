package dev.tasker.orchestration.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResolution;
import dev.tasker.orchestration.engine.TaskEvaluator;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.web.ApiException;
import dev.tasker.runtime.web.JsonLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Manual resolution: an operator marks a step {@code resolved_manually} with data that stands in for its
 * result. Its children may then run, and a task that had ended in {@code error} because of it resumes.
 */
@ApplicationScoped
public class StepResolver {

    private static final int MAX_TEXT = 255;
    private static final int MAX_REASON = 2000;

    private final Db db;
    private final Json json;
    private final TaskEvaluator evaluator;

    public StepResolver(Db db, Json json, TaskEvaluator evaluator) {
        this.db = db;
        this.json = json;
        this.evaluator = evaluator;
    }

    public void resolve(UUID taskUuid, UUID stepUuid, StepResolution resolution) {
        check(resolution);
        db.inTransaction(c -> {
            TaskState task;
            String namespace;
            StepState step;
            String stepName;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.status, t.namespace, s.current_state, s.name
                      FROM tasker_tasks t LEFT JOIN tasker_workflow_steps s
                        ON s.task_uuid = t.task_uuid AND s.step_uuid = ?
                     WHERE t.task_uuid = ? FOR NO KEY UPDATE OF t""")) {
                ps.setObject(1, stepUuid);
                ps.setObject(2, taskUuid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("task " + taskUuid + " not found");
                    }
                    if (rs.getString("current_state") == null) {
                        throw ApiException.notFound("step " + stepUuid + " is not a step of task " + taskUuid);
                    }
                    task = TaskState.fromWire(rs.getString("status"));
                    namespace = rs.getString("namespace");
                    step = StepState.fromWire(rs.getString("current_state"));
                    stepName = rs.getString("name");
                }
            }
            if (task == TaskState.CANCELLED || task == TaskState.COMPLETE || task == TaskState.RESOLVED_MANUALLY) {
                throw ApiException.conflict("task " + taskUuid + " is " + task.wire() + "; its steps can no longer "
                        + "be resolved");
            }
            if (!step.canTransitionTo(StepState.RESOLVED_MANUALLY)) {
                throw ApiException.conflict("step '" + stepName + "' is " + step.wire() + "; only steps that are "
                        + StepState.allowedFrom(StepState.RESOLVED_MANUALLY).stream().map(StepState::wire)
                                .sorted().collect(Collectors.joining(", "))
                        + " can be resolved by hand");
            }
            ObjectNode meta = JsonNodeFactory.instance.objectNode().put("resolved_by", resolution.resolvedBy());
            if (resolution.reason() != null) {
                meta.put("reason", resolution.reason());
            }
            JsonNode data = resolution.resolutionData() == null ? JsonNodeFactory.instance.objectNode()
                    : resolution.resolutionData();
            // The step's messages before the step, as claims lock them (see TaskCanceller).
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM tasker_queue_messages
                     WHERE message ->> 'step_uuid' = ?::text AND message ->> 'task_uuid' = ?::text""")) {
                ps.setString(1, stepUuid.toString());
                ps.setString(2, taskUuid.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH resolved AS (
                        UPDATE tasker_workflow_steps
                           SET current_state = 'resolved_manually', results = ?::jsonb, next_retry_at = NULL,
                               claimed_by = NULL, completed_at = clock_timestamp(), updated_at = clock_timestamp()
                         WHERE step_uuid = ? AND current_state = ?
                        RETURNING step_uuid, task_uuid
                    )
                    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
                    SELECT step_uuid, task_uuid, ?, 'resolved_manually', ?::jsonb FROM resolved""")) {
                json.set(ps, 1, data);
                ps.setObject(2, stepUuid);
                ps.setString(3, step.wire());
                ps.setString(4, step.wire());
                json.set(ps, 5, meta);
                if (ps.executeUpdate() == 0) {
                    // Claims do not lock the task: a worker took the step between the check above and now.
                    throw ApiException.conflict("step '" + stepName + "' was " + step.wire() + " but a worker "
                            + "claimed it while it was being resolved; it is running now and can no longer be "
                            + "resolved by hand");
                }
            }
            evaluator.evaluate(c, taskUuid, namespace, task, "step '" + stepName + "' resolved manually by "
                    + resolution.resolvedBy());
            return null;
        });
    }

    private static void check(StepResolution r) {
        if (r == null) {
            throw ApiException.badRequest("request body is required: {\"resolution_data\", \"resolved_by\", \"reason\"}");
        }
        if (r.resolvedBy() == null || r.resolvedBy().isBlank() || r.resolvedBy().length() > MAX_TEXT) {
            throw ApiException.badRequest("resolved_by is required: who resolves the step (at most " + MAX_TEXT
                    + " characters)");
        }
        if (r.reason() != null && r.reason().length() > MAX_REASON) {
            throw ApiException.badRequest("reason must be at most " + MAX_REASON + " characters");
        }
        JsonLimits.check("resolution_data", r.resolutionData());
    }
}
