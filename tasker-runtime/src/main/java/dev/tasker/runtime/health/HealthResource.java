package dev.tasker.runtime.health;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.runtime.auth.OpenAccess;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contract's health paths. Liveness and readiness come from the SmallRye Health checks (the datasource
 * check among them), so {@code /health/ready} is 503 with the failing check while the database is unreachable.
 * The standard {@code /q/health} endpoints stay available too. All three answer without credentials: probes
 * carry no token.
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {

    private final SmallRyeHealthReporter reporter;
    private final String version;

    public HealthResource(SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.reporter = reporter;
        this.version = version;
    }

    @GET
    @OpenAccess
    @Operation(summary = "The process is up", description = "Always 200 while the HTTP server answers.")
    public HealthResponse health() {
        return new HealthResponse(HealthResponse.HEALTHY, Instant.now(), version);
    }

    @GET
    @OpenAccess
    @Path("live")
    @Operation(summary = "Liveness: 200 when every liveness check is UP, else 503 with the checks")
    public Response live() {
        return probe(reporter.getLiveness());
    }

    @GET
    @OpenAccess
    @Path("ready")
    @Operation(summary = "Readiness: 200 when the database (and the service's own checks) are UP, else 503 with the failing checks")
    public Response ready() {
        return probe(reporter.getReadiness());
    }

    private static Response probe(SmallRyeHealth health) {
        return Response.status(health.isDown() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON)
                .entity(health.getPayload().toString())
                .build();
    }
}
