package dev.tasker.client;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.health.ProbeResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * What every Tasker service serves beside its own API: its health probes and its Prometheus metrics. The
 * orchestration's and the worker's REST clients extend it, so these are declared once.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface ServiceApi {

    @GET
    @Path("health")
    HealthResponse health();

    /** 200 when ready; a 503 is an error status whose body is the probe naming the failing checks. */
    @GET
    @Path("health/ready")
    ProbeResponse ready();

    @GET
    @Path("health/live")
    ProbeResponse live();

    /** Prometheus text exposition. */
    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN)
    String metrics();
}
