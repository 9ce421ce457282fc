package dev.tasker.orchestration.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.DatabaseException;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.json.CanonicalJson;
import dev.tasker.runtime.task.NewTask;
import dev.tasker.runtime.task.TaskInsert;
import dev.tasker.runtime.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
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
    private final TaskInsert inserts;
    private final Counter created;

    public TaskCreator(Db db, Json json, TemplateStore templates, TaskRows rows, TaskInsert inserts,
            MeterRegistry metrics) {
        this.db = db;
        this.json = json;
        this.templates = templates;
        this.rows = rows;
        this.inserts = inserts;
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
        NewTask task = new NewTask(taskUuid, namedTaskUuid, template, mergeContext(template.defaultContext(),
                r.context()), r.initiator(), r.sourceSystem(), r.reason(), r.tags(),
                r.priority() == null ? 0 : r.priority(),
                r.correlationId() == null ? UUID.randomUUID().toString() : r.correlationId(), r.idempotencyKey(),
                requestHash);
        try (PreparedStatement ps = c.prepareStatement(inserts.statement("SELECT " + TaskRows.TASK_COLUMNS + ", "
                + TaskRows.STEP_COLUMNS + ", false AS ready FROM task t LEFT JOIN steps s ON true ORDER BY s.position"))) {
            inserts.bind(c, ps, task);
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
