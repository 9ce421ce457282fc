package dev.tasker.client.orchestration;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;

/**
 * A {@link TaskQuery} as the query parameters of {@code GET /v1/tasks}, the bean parameter of
 * {@link OrchestrationApi#listTasks}: every filter under its contract name and in its wire form; unset ones are
 * left out. Annotated fields rather than getters: both REST clients send fields in declaration order (the generated
 * one as the class file lists them, {@code JdkHttpApi} as reflection does), while nothing orders getters alike.
 */
// The generated client reads the fields reflectively: a native image must keep them.
@RegisterForReflection(methods = false)
public final class TaskQueryParams {

    @QueryParam("namespace")
    private final String namespace;
    @QueryParam("name")
    private final String name;
    @QueryParam("status")
    private final String status;
    @QueryParam("initiator")
    private final String initiator;
    @QueryParam("source_system")
    private final String sourceSystem;
    @QueryParam("correlation_id")
    private final String correlationId;
    @QueryParam("tag")
    private final String tag;
    @QueryParam("created_after")
    private final String createdAfter;
    @QueryParam("created_before")
    private final String createdBefore;
    @QueryParam("page")
    private final Integer page;
    @QueryParam("per_page")
    private final Integer perPage;
    @QueryParam("cursor")
    private final String cursor;

    public TaskQueryParams(TaskQuery q) {
        this.namespace = q.namespace();
        this.name = q.name();
        this.status = q.status() == null ? null : q.status().wire();
        this.initiator = q.initiator();
        this.sourceSystem = q.sourceSystem();
        this.correlationId = q.correlationId();
        this.tag = q.tag();
        this.createdAfter = q.createdAfter() == null ? null : q.createdAfter().toString();
        this.createdBefore = q.createdBefore() == null ? null : q.createdBefore().toString();
        this.page = q.page();
        this.perPage = q.perPage();
        this.cursor = q.cursor();
    }
}
