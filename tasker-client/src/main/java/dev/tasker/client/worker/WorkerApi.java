package dev.tasker.client.worker;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.health.ProbeResponse;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.worker.HandlerInfo;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A worker's REST API (port 8081). Inject with {@code @RestClient} (configured under
 * {@code quarkus.rest-client.worker.*}) or build with {@link dev.tasker.client.Endpoint#client}; most callers want
 * {@link WorkerClient}, which adds retries and typed errors.
 */
@RegisterRestClient(configKey = "worker")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface WorkerApi {

    @GET
    @Path("health")
    HealthResponse health();

    /** 200 when ready; a 503 arrives as a {@code WebApplicationException} whose entity is the probe. */
    @GET
    @Path("health/ready")
    ProbeResponse ready();

    @GET
    @Path("health/live")
    ProbeResponse live();

    @GET
    @Path("status")
    WorkerStatus status();

    @GET
    @Path("status/namespaces")
    List<NamespaceStatus> namespaces();

    @GET
    @Path("handlers")
    List<HandlerInfo> handlers();

    @GET
    @Path("templates")
    TemplateListResponse templates();

    /** Prometheus text exposition. */
    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN)
    String metrics();
}
