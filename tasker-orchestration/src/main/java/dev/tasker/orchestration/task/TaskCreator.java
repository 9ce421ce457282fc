package dev.tasker.orchestration.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.runtime.db.CanonicalJson;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.DatabaseException;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a task: validates the request, resolves the template, merges the context, and in one statement (one
 * round trip, one transaction) stores the task, its steps, edges and first transitions and enqueues the steps
 * that are ready at once (those without dependencies).
 */
@ApplicationScoped
public class TaskCreator {

    /**
     * The task, and whether this request created it (false: an idempotent replay). A created task comes with its
     * response as stored by the create; a replay's is read by the caller.
     */
    public record Created(UUID taskUuid, boolean created, Optional<TaskResponse> response) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final Db db;
    private final Json json;
    private final TemplateStore templates;
    private final TaskRows rows;
    private final Counter created;

    public TaskCreator(Db db, Json json, TemplateStore templates, TaskRows rows, MeterRegistry metrics) {
        this.db = db;
        this.json = json;
        this.templates = templates;
        this.rows = rows;
        this.created = Counter.builder("tasker_tasks_created_total").description("Tasks created")
                .register(metrics);
    }

    public Created create(TaskRequest request) {
        TaskRequestRules.check(request);
        String requestHash = CanonicalJson.sha256(json.mapper(), request.withIdempotencyKey(null));
        if (request.idempotencyKey() != null) {
            Optional<Created> replay = replay(request.idempotencyKey(), requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        TemplateStore.Stored stored = templates.resolve(request.namespace(), request.name(), request.version());
        TaskTemplate template = stored.template();
        UUID taskUuid = UUID.randomUUID();
        TaskResponse response;
        try {
            // One statement, committed on its own: one round trip, and the answer needs no second read.
            response = db.autoCommit(c -> insert(c, taskUuid, stored.namedTaskUuid(), template, request, requestHash));
        } catch (DatabaseException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState()) && request.idempotencyKey() != null) {
                // A concurrent request with the same key won the race: answer as its replay.
                return replay(request.idempotencyKey(), requestHash).orElseThrow(() -> e);
            }
            throw e;
        }
        created.increment();
        return new Created(taskUuid, true, Optional.of(response));
    }

    private Optional<Created> replay(String key, String requestHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT task_uuid, request_hash FROM tasker_tasks WHERE idempotency_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    UUID existing = rs.getObject("task_uuid", UUID.class);
                    if (!requestHash.equals(rs.getString("request_hash"))) {
                        throw ApiException.conflict("idempotency_key '" + key + "' was already used for task "
                                + existing + " with a different request");
                    }
                    return Optional.of(new Created(existing, false, Optional.empty()));
                }
            }
        });
    }

    /** Stores the task and returns it as stored: its steps are pending or enqueued, none is ready yet. */
    private TaskResponse insert(Connection c, UUID taskUuid, UUID namedTaskUuid, TaskTemplate template,
            TaskRequest r, String requestHash) throws SQLException {
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
        try (PreparedStatement ps = c.prepareStatement("""
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
                ), messages AS (
                    INSERT INTO tasker_queue_messages (queue, message)
                    SELECT ?, jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid)
                      FROM steps WHERE current_state = 'enqueued'
                )
                """ + "SELECT " + TaskRows.TASK_COLUMNS + ", " + TaskRows.STEP_COLUMNS
                + ", false AS ready FROM task t LEFT JOIN steps s ON true ORDER BY s.position")) {
            int i = 1;
            ps.setObject(i++, taskUuid);
            ps.setObject(i++, namedTaskUuid);
            ps.setString(i++, template.namespace());
            ps.setString(i++, template.name());
            ps.setString(i++, template.version());
            json.set(ps, i++, mergeContext(template.defaultContext(), r.context()));
            ps.setString(i++, r.initiator());
            ps.setString(i++, r.sourceSystem());
            ps.setString(i++, r.reason());
            ps.setArray(i++, c.createArrayOf("text", (r.tags() == null ? List.of() : r.tags()).toArray()));
            ps.setInt(i++, r.priority() == null ? 0 : r.priority());
            ps.setString(i++, r.correlationId() == null ? UUID.randomUUID().toString() : r.correlationId());
            ps.setString(i++, r.idempotencyKey());
            ps.setString(i++, requestHash);
            json.set(ps, i++, steps);
            json.set(ps, i++, edges);
            ps.setString(i, PgQueue.namespaceQueue(template.namespace()));
            try (ResultSet rs = ps.executeQuery()) {
                return rows.task(rs).orElseThrow(() -> new IllegalStateException("the insert returned no task"));
            }
        }
    }

    /** The request's context over the template's default_context, key by key at the top level. */
    static JsonNode mergeContext(JsonNode defaults, JsonNode context) {
        ObjectNode merged = defaults != null && defaults.isObject() ? ((ObjectNode) defaults).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        if (context != null && context.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                merged.set(e.getKey(), e.getValue());
            }
        }
        return merged;
    }
}
