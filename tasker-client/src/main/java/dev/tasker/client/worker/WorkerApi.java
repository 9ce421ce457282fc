package dev.tasker.client.worker;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.health.ProbeResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A worker's REST API (port 8081). Inject with {@code @RestClient} or build with a builder. */
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
}
