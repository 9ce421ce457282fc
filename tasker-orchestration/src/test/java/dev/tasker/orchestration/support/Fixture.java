package dev.tasker.orchestration.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.runtime.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Function;

/** What orchestration tests need from the running service: its API, a worker stand-in, templates, the database. */
@ApplicationScoped
public class Fixture {

    private final TemplateStore templates;
    private final Db db;
    private final PgQueue queue;
    private final StepExecutionStore store;
    private final ObjectMapper mapper;

    public Fixture(TemplateStore templates, Db db, PgQueue queue, StepExecutionStore store, ObjectMapper mapper) {
        this.templates = templates;
        this.db = db;
        this.queue = queue;
        this.store = store;
        this.mapper = mapper;
    }

    public Api api() {
        return new Api(mapper);
    }

    public TestWorker worker(String workerId) {
        return new TestWorker(db, queue, store, workerId);
    }

    /** A namespace no other test uses (its name starts with the prefix), and a worker stand-in of that id. */
    public Scenario scenario(String namespacePrefix, String workerId) {
        return new Scenario(api(), worker(workerId), TestTemplates.uniqueNamespace(namespacePrefix));
    }

    /** Registers the template built for a namespace no other test uses, and returns that namespace. */
    public String register(String prefix, Function<String, TaskTemplate> template) {
        String ns = TestTemplates.uniqueNamespace(prefix);
        templates.register(template.apply(ns));
        return ns;
    }

    /** The number a query answers, such as a count; the parameters fill its placeholders in order. */
    public long number(String sql, Object... parameters) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public TemplateStore templates() {
        return templates;
    }

    public Db db() {
        return db;
    }

    public PgQueue queue() {
        return queue;
    }
}
