package dev.tasker.client.orchestration;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.health.ProbeResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The orchestration service's REST API (port 8080). Inject with {@code @RestClient} or build with a builder. */
@RegisterRestClient(configKey = "orchestration")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface OrchestrationApi {

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
