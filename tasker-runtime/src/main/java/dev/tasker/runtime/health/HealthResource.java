package dev.tasker.runtime.health;

import dev.tasker.api.health.HealthResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.runtime.auth.OpenAccess;
import io.smallrye.mutiny.TimeoutException;
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
    private final int checkTimeoutSeconds;

    public HealthResource(SmallRyeHealthReporter reporter,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version,
            @ConfigProperty(name = "io.smallrye.health.timeout.seconds", defaultValue = "60") int checkTimeoutSeconds) {
        this.reporter = reporter;
        this.version = version;
        this.checkTimeoutSeconds = checkTimeoutSeconds;
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
        try {
            return probe(reporter.getLiveness());
        } catch (TimeoutException e) {
            return timedOut("liveness");
        }
    }

    @GET
    @OpenAccess
    @Path("ready")
    @Operation(summary = "Readiness: 200 when the database (and the service's own checks) are UP, else 503 with the failing checks")
    public Response ready() {
        try {
            return probe(reporter.getReadiness());
        } catch (TimeoutException e) {
            return timedOut("readiness");
        }
    }

    /**
     * SmallRye gives up on checks that do not answer within io.smallrye.health.timeout.seconds by throwing: a probe
     * still gets the usual document, DOWN and why, not a 500.
     */
    private Response timedOut(String probe) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("status", "DOWN");
        body.putArray("checks").addObject().put("name", probe).put("status", "DOWN").putObject("data")
                .put("reason", "the " + probe + " checks did not answer within " + checkTimeoutSeconds + " s");
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(body.toString()).build();
    }

    private static Response probe(SmallRyeHealth health) {
        return Response.status(health.isDown() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .type(MediaType.APPLICATION_JSON)
                .entity(health.getPayload().toString())
                .build();
    }
}
