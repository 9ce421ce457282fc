package dev.tasker.runtime.health;

import dev.tasker.api.health.DetailedHealthResponse;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/health/detailed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
@RequiresPermission(Permission.SYSTEM_READ)
public class DetailedHealthResource {

    private final Instance<DetailedCheck> checks;
    private final DetailedHealthResponse.Info info;

    public DetailedHealthResource(@Any Instance<DetailedCheck> checks,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version,
            @ConfigProperty(name = "tasker.env", defaultValue = "development") String environment) {
        this.checks = checks;
        this.info = new DetailedHealthResponse.Info(version, environment);
    }

    @GET
    @Operation(summary = "Every check with its outcome and duration",
            description = "healthy, degraded (a non-essential check failed, e.g. NOTIFY wake-ups: work still "
                    + "flows via polling) or unhealthy (an essential one failed; HTTP 503).")
    public Response detailed() {
        Map<String, DetailedHealthResponse.Check> results = new TreeMap<>();
        boolean criticalFailed = false;
        boolean anyFailed = false;
        // The database first: with it unreachable, every check that queries it would wait out the pool's
        // acquisition timeout in turn, and the answer would come too late to be of use to a probe or a person.
        List<DetailedCheck> ordered = checks.stream()
                .sorted(Comparator.comparing(c -> !DatabaseCheck.NAME.equals(c.name()))).toList();
        boolean databaseDown = false;
        for (DetailedCheck check : ordered) {
            long start = System.nanoTime();
            DetailedCheck.Result r;
            if (databaseDown && check.needsDatabase()) {
                r = DetailedCheck.Result.fail("skipped: the database is not reachable");
            } else {
                try {
                    r = check.run();
                } catch (RuntimeException e) {
                    r = DetailedCheck.Result.fail("check failed: " + e.getMessage());
                }
            }
            databaseDown |= DatabaseCheck.NAME.equals(check.name()) && !r.passed();
            long ms = (System.nanoTime() - start) / 1_000_000;
            results.put(check.name(), new DetailedHealthResponse.Check(r.passed() ? "healthy" : "unhealthy",
                    r.message(), ms));
            anyFailed |= !r.passed();
            criticalFailed |= !r.passed() && check.critical();
        }
        String status = criticalFailed ? DetailedHealthResponse.UNHEALTHY
                : anyFailed ? DetailedHealthResponse.DEGRADED : DetailedHealthResponse.HEALTHY;
        return Response.status(criticalFailed ? 503 : 200)
                .entity(new DetailedHealthResponse(status, results, info)).build();
    }
}
