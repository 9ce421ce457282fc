package dev.tasker.workers.java.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.task.NewTask;
import dev.tasker.runtime.task.TaskInsert;
import dev.tasker.runtime.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates tasks with the orchestration's own statement ({@link TaskInsert}), so the worker meets exactly the rows it meets in
 * production: the task, its steps (roots {@code enqueued}, the rest {@code pending}), the edges, the first
 * transitions, and one message per root step on the namespace's queue. No orchestration runs in this module:
 * the worker applies successes itself (tasks run to the end), and a failed step's story ends at
 * {@code enqueued_as_error_for_orchestration}.
 */
@ApplicationScoped
public class TaskFixture {

    private final Db db;
    private final TaskInsert inserts;
    private final TemplateStore templates;

    public TaskFixture(Db db, TaskInsert inserts, TemplateStore templates) {
        this.db = db;
        this.inserts = inserts;
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

    /** The orchestration's own statement (TaskInsert), with {@code copies} messages per root step. */
    private void insert(Connection c, UUID taskUuid, TemplateStore.Stored stored, JsonNode context, int copies)
            throws SQLException {
        TaskTemplate template = stored.template();
        ObjectNode merged = template.defaultContext().deepCopy();
        merged.setAll((ObjectNode) context);
        try (PreparedStatement ps = c.prepareStatement(inserts.statement("SELECT task_uuid FROM task"))) {
            inserts.bind(c, ps, NewTask.of(taskUuid, stored.namedTaskUuid(), template, merged), copies);
            ps.executeQuery().close();
        }
    }
}
