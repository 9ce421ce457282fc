package dev.tasker.orchestration.worker;

import dev.tasker.api.template.TemplateValidator;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.api.worker.WorkerListResponse;
import dev.tasker.api.worker.WorkerRegistration;
import dev.tasker.orchestration.engine.OrchestrationConfig;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import dev.tasker.runtime.registry.WorkerRegistry;
import dev.tasker.runtime.web.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "workers")
@RequiresPermission(Permission.WORKERS_READ)
public class WorkerResource {

    private final WorkerRegistry registry;
    private final OrchestrationConfig config;

    public WorkerResource(WorkerRegistry registry, OrchestrationConfig config) {
        this.registry = registry;
        this.config = config;
    }

    @GET
    @Operation(summary = "Registered workers, optionally only those serving a namespace",
            description = "status: active (heartbeats arriving), stale (last heartbeat older than "
                    + "tasker.orchestration.worker-stale-after, 30 s by default), deregistered.")
    public WorkerListResponse list(@QueryParam("namespace") String namespace) {
        if (namespace != null && !namespace.isBlank() && !TemplateValidator.NAMESPACE.matcher(namespace).matches()) {
            throw ApiException.badRequest("namespace '" + namespace + "' must be 1-64 characters of a-z, 0-9 and _");
        }
        return new WorkerListResponse(registry.list(namespace == null || namespace.isBlank() ? null : namespace,
                config.workerStaleAfter()));
    }

    @GET
    @Path("{worker_id}")
    @Operation(summary = "One worker")
    public WorkerInfo get(@PathParam("worker_id") String workerId) {
        return registry.get(workerId, config.workerStaleAfter())
                .orElseThrow(() -> ApiException.notFound("worker '" + workerId + "' is not registered"));
    }

    @PUT
    @RequiresPermission(Permission.WORKERS_WRITE)
    @Path("{worker_id}")
    @Operation(summary = "Register, or heartbeat (workers repeat this every few seconds)")
    public Response register(@PathParam("worker_id") String workerId, WorkerRegistration registration) {
        boolean created = registry.register(workerId, registration);
        WorkerInfo info = get(workerId);
        return (created ? Response.status(Response.Status.CREATED) : Response.ok()).entity(info).build();
    }

    @DELETE
    @RequiresPermission(Permission.WORKERS_WRITE)
    @Path("{worker_id}")
    @Operation(summary = "Deregister (a worker shutting down)")
    public WorkerInfo deregister(@PathParam("worker_id") String workerId) {
        registry.deregister(workerId);
        return get(workerId);
    }
}
