package dev.tasker.orchestration.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.runtime.template.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
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

    /** Registers the template built for a namespace no other test uses, and returns that namespace. */
    public String register(String prefix, Function<String, TaskTemplate> template) {
        String ns = TestTemplates.uniqueNamespace(prefix);
        templates.register(template.apply(ns));
        return ns;
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
