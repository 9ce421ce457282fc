package dev.tasker.worker.web;

import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.template.TemplateSummary;
import dev.tasker.api.worker.HandlerInfo;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.worker.WorkerLifecycle;
import dev.tasker.worker.WorkerNamespaces;
import dev.tasker.worker.consumer.StepConsumer;
import dev.tasker.worker.handler.HandlerRegistry;
import dev.tasker.worker.template.TemplateCatalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "worker")
@RequiresPermission(Permission.WORKERS_READ)
public class WorkerStatusResource {

    private final WorkerNamespaces namespaces;
    private final StepConsumer consumer;
    private final HandlerRegistry handlers;
    private final TemplateCatalog catalog;
    private final WorkerLifecycle lifecycle;
    private final PgQueue queue;
    private final Db db;

    public WorkerStatusResource(WorkerNamespaces namespaces, StepConsumer consumer, HandlerRegistry handlers,
            TemplateCatalog catalog, WorkerLifecycle lifecycle, PgQueue queue, Db db) {
        this.namespaces = namespaces;
        this.consumer = consumer;
        this.handlers = handlers;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.queue = queue;
        this.db = db;
    }

    @GET
    @Path("status")
    @Operation(summary = "This worker: identity, state, and step counts since it started")
    public WorkerStatus status() {
        return lifecycle.status();
    }

    @GET
    @Path("status/namespaces")
    @Operation(summary = "Per namespace: visible messages waiting, steps running here, health")
    public List<NamespaceStatus> namespaces() {
        Map<String, long[]> depths = db.read(queue::depths);
        String health = consumer.isRunning() ? "healthy" : "unhealthy";
        return namespaces.list().stream().map(ns -> {
            long[] d = depths.get(PgQueue.namespaceQueue(ns));
            return new NamespaceStatus(ns, d == null ? 0 : d[0], consumer.inFlight(ns), health);
        }).toList();
    }

    @GET
    @Path("handlers")
    @Operation(summary = "The step handlers in this worker and the template steps that use them")
    public List<HandlerInfo> handlers() {
        Map<String, List<String>> use = catalog.handlerUse();
        return handlers.classes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new HandlerInfo(e.getKey(), e.getValue(), use.getOrDefault(e.getKey(), List.of())))
                .toList();
    }

    @GET
    @Path("templates")
    @Operation(summary = "The templates this worker loaded and registered")
    public TemplateListResponse templates() {
        return new TemplateListResponse(catalog.templates().stream()
                .map(t -> new TemplateSummary(t.namespace(), t.name(), t.version(), t.description(),
                        t.steps().stream().map(StepTemplate::name).toList(), null))
                .toList());
    }
}
