package dev.tasker.workers.java.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates tasks the way the orchestration does (its TaskCreator), so the worker meets exactly the rows it meets in
 * production: the task, its steps (roots {@code enqueued}, the rest {@code pending}), the edges, the first
 * transitions, and one message per root step on the namespace's queue. No orchestration runs in this module:
 * the worker applies successes itself (tasks run to the end), and a failed step's story ends at
 * {@code enqueued_as_error_for_orchestration}.
 */
@ApplicationScoped
public class TaskFixture {

    private final Db db;
    private final Json json;
    private final TemplateStore templates;

    public TaskFixture(Db db, Json json, TemplateStore templates) {
        this.db = db;
        this.json = json;
        this.templates = templates;
    }

    /** Registers a template of the test's own (idempotent, as the worker's boot is). */
    public void register(TaskTemplate template) {
        templates.register(template);
    }

    public UUID create(String namespace, String name, JsonNode context) {
        return create(namespace, name, List.of(context)).get(0);
    }

    /**
     * One task per context, all in one transaction: their messages become visible (and NOTIFY fires) at the same
     * moment, so consumers compete for them.
     */
    public List<UUID> create(String namespace, String name, List<? extends JsonNode> contexts) {
        return create(namespace, name, contexts, 1);
    }

    /**
     * As {@link #create(String, String, List)}, but every root step's message is on the queue twice, side by side:
     * a redelivery (a visibility timeout that passed while a worker still ran the step) at its worst, with both
     * copies claimed in the same round and racing each other for the step.
     */
    public List<UUID> createDeliveringTwice(String namespace, String name, List<? extends JsonNode> contexts) {
        return create(namespace, name, contexts, 2);
    }

    private List<UUID> create(String namespace, String name, List<? extends JsonNode> contexts, int copies) {
        TemplateStore.Stored stored = templates.resolve(namespace, name, null);
        return db.inTransaction(c -> {
            List<UUID> tasks = new ArrayList<>();
            for (JsonNode context : contexts) {
                UUID task = UUID.randomUUID();
                insert(c, task, stored, context, copies);
                tasks.add(task);
            }
            return tasks;
        });
    }

    /**
     * The same statement as the orchestration's TaskCreator, less idempotency and request metadata, and with
     * {@code copies} messages per root step (1 in production).
     */
    private void insert(Connection c, UUID taskUuid, TemplateStore.Stored stored, JsonNode context, int copies)
            throws SQLException {
        TaskTemplate template = stored.template();
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
                    .put("state", s.dependencies().isEmpty() ? "enqueued" : "pending")
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
        ObjectNode merged = template.defaultContext().deepCopy();
        merged.setAll((ObjectNode) context);
        try (PreparedStatement ps = c.prepareStatement("""
                WITH task AS (
                    INSERT INTO tasker_tasks (task_uuid, named_task_uuid, namespace, name, version, status, context,
                                              correlation_id)
                    VALUES (?, ?, ?, ?, ?, 'steps_in_process', ?::jsonb, ?)
                    RETURNING task_uuid
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
                    RETURNING step_uuid, task_uuid, current_state
                ), edges AS (
                    INSERT INTO tasker_workflow_step_edges (task_uuid, from_step_uuid, to_step_uuid)
                    SELECT (SELECT task_uuid FROM task), e.from_step, e.to_step
                      FROM jsonb_to_recordset(?::jsonb) AS e(from_step uuid, to_step uuid)
                ), task_transitions AS (
                    INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state)
                    SELECT task.task_uuid, v.f, v.t FROM task,
                           (VALUES (1, NULL, 'pending'), (2, 'pending', 'initializing'),
                                   (3, 'initializing', 'enqueuing_steps'), (4, 'enqueuing_steps', 'steps_in_process'))
                           AS v(o, f, t)
                     ORDER BY v.o
                ), step_transitions AS (
                    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
                    SELECT step_uuid, task_uuid, f, t FROM (
                        SELECT step_uuid, task_uuid, NULL AS f, 'pending' AS t, 1 AS o FROM steps
                        UNION ALL
                        SELECT step_uuid, task_uuid, 'pending', 'enqueued', 2 FROM steps WHERE current_state = 'enqueued'
                    ) x ORDER BY o
                )
                INSERT INTO tasker_queue_messages (queue, message)
                SELECT ?, jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid)
                  FROM steps, generate_series(1, ?) WHERE current_state = 'enqueued'""")) {
            int i = 1;
            ps.setObject(i++, taskUuid);
            ps.setObject(i++, stored.namedTaskUuid());
            ps.setString(i++, template.namespace());
            ps.setString(i++, template.name());
            ps.setString(i++, template.version());
            json.set(ps, i++, merged);
            ps.setString(i++, taskUuid.toString());
            json.set(ps, i++, steps);
            json.set(ps, i++, edges);
            ps.setString(i++, PgQueue.namespaceQueue(template.namespace()));
            ps.setInt(i, copies);
            ps.executeUpdate();
        }
    }
}
