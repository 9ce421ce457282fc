package dev.tasker.runtime.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one statement that stores a new task: the task, its steps (roots {@code enqueued}, the rest {@code pending}),
 * the edges, the first transitions and one message per root step on the namespace's queue, in one round trip.
 * Each row's first transition enters the state it is stored in ({@link dev.tasker.api.state.TaskState#INITIAL},
 * {@link dev.tasker.api.state.StepState#INITIAL}): the task never occupies pending, initializing or enqueuing_steps,
 * and a root step never occupies pending, so no transition says it did. The
 * orchestration creates tasks with it, and the worker's tests create theirs with it too, so that they meet exactly
 * the rows production makes. A caller gives the statement's final {@code SELECT} over the CTEs {@code task} and
 * {@code steps} (e.g. {@code SELECT task_uuid FROM task}).
 */
@ApplicationScoped
public class TaskInsert {

    private static final String CTES = """
            WITH task AS (
                INSERT INTO tasker_tasks (task_uuid, named_task_uuid, namespace, name, version, status, context,
                                          initiator, source_system, reason, tags, priority, correlation_id,
                                          idempotency_key, request_hash)
                VALUES (?, ?, ?, ?, ?, 'steps_in_process', ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING *
            ), steps AS (
                INSERT INTO tasker_workflow_steps (step_uuid, task_uuid, name, position, handler, dependencies,
                                                   handler_config, current_state, retry_limit, retryable,
                                                   backoff_base_ms, max_backoff_ms, timeout_seconds)
                SELECT s.step_uuid, (SELECT task_uuid FROM task), s.name, s.position, s.handler,
                       ARRAY(SELECT jsonb_array_elements_text(s.dependencies)), s.handler_config, s.state,
                       s.retry_limit, s.retryable, s.backoff_base_ms, s.max_backoff_ms, s.timeout_seconds
                  FROM jsonb_to_recordset(?::jsonb) AS s(step_uuid uuid, name text, position int, handler text,
                       dependencies jsonb, handler_config jsonb, state text, retry_limit int, retryable boolean,
                       backoff_base_ms bigint, max_backoff_ms bigint, timeout_seconds int)
                RETURNING *
            ), edges AS (
                INSERT INTO tasker_workflow_step_edges (task_uuid, from_step_uuid, to_step_uuid)
                SELECT (SELECT task_uuid FROM task), e.from_step, e.to_step
                  FROM jsonb_to_recordset(?::jsonb) AS e(from_step uuid, to_step uuid)
            ), task_transitions AS (
                INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state)
                SELECT task_uuid, NULL, status FROM task
            ), step_transitions AS (
                INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
                SELECT step_uuid, task_uuid, NULL, current_state FROM steps ORDER BY position
            ), messages AS (
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT ?, jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid)
                  FROM steps, generate_series(1, ?) WHERE current_state = 'enqueued'
            )
            """;

    private final Json json;

    public TaskInsert(Json json) {
        this.json = json;
    }

    /**
     * The statement, ending in {@code finalSelect}; its parameters are bound by {@link #bind}. A method rather than
     * a constant, which the compiler would copy into the callers' classes, where a change here would not reach.
     */
    public String statement(String finalSelect) {
        return CTES + finalSelect;
    }

    /** Binds the {@link #statement}'s parameters from position 1 and returns the next free position. */
    public int bind(Connection c, PreparedStatement ps, NewTask task) throws SQLException {
        return bind(c, ps, task, 1);
    }

    /**
     * As {@link #bind(Connection, PreparedStatement, NewTask)}, with {@code copies} messages per root step: 1 in
     * production; a test of redelivery puts a second copy beside the first.
     */
    public int bind(Connection c, PreparedStatement ps, NewTask task, int copies) throws SQLException {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1, got " + copies);
        }
        TaskTemplate template = task.template();
        Map<String, UUID> ids = new HashMap<>();
        template.steps().forEach(s -> ids.put(s.name(), UUID.randomUUID()));
        ArrayNode steps = JsonNodeFactory.instance.arrayNode();
        ArrayNode edges = JsonNodeFactory.instance.arrayNode();
        int position = 0;
        for (StepTemplate s : template.steps()) {
            ObjectNode step = steps.addObject()
                    .put("step_uuid", ids.get(s.name()).toString())
                    .put("name", s.name())
                    .put("position", position++)
                    .put("handler", s.handler())
                    .put("state", (s.dependencies().isEmpty() ? StepState.ENQUEUED : StepState.PENDING).wire())
                    .put("retry_limit", s.retry().limit())
                    .put("retryable", s.retry().retryable())
                    .put("backoff_base_ms", s.retry().backoffBaseMs())
                    .put("max_backoff_ms", s.retry().maxBackoffMs())
                    .put("timeout_seconds", s.timeoutSeconds());
            step.set("dependencies", json.mapper().valueToTree(s.dependencies()));
            step.set("handler_config", s.handlerConfig());
            for (String parent : s.dependencies()) {
                edges.addObject().put("from_step", ids.get(parent).toString())
                        .put("to_step", ids.get(s.name()).toString());
            }
        }
        int i = 1;
        ps.setObject(i++, task.taskUuid());
        ps.setObject(i++, task.namedTaskUuid());
        ps.setString(i++, template.namespace());
        ps.setString(i++, template.name());
        ps.setString(i++, template.version());
        json.set(ps, i++, task.context());
        ps.setString(i++, task.initiator());
        ps.setString(i++, task.sourceSystem());
        ps.setString(i++, task.reason());
        ps.setArray(i++, c.createArrayOf("text", task.tags().toArray()));
        ps.setInt(i++, task.priority());
        ps.setString(i++, task.correlationId());
        ps.setString(i++, task.idempotencyKey());
        ps.setString(i++, task.requestHash());
        json.set(ps, i++, steps);
        json.set(ps, i++, edges);
        ps.setString(i++, PgQueue.namespaceQueue(template.namespace()));
        ps.setInt(i++, copies);
        return i;
    }
}
