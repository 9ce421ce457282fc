package dev.tasker.runtime.health;

import dev.tasker.api.health.DetailedHealthResponse;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
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
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Renders the SmallRye Health checks of the {@linkplain DetailedGroup detailed group} one by one, each timed and
 * keyed by its name in snake case (as every field of the contract). A failing check makes the service unhealthy
 * (503) when it is essential, degraded otherwise. Essential are the database check and the group's readiness
 * checks: what makes {@code /health/ready} 503 makes this 503 too.
 */
@Path("/health/detailed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
@RequiresPermission(Permission.SYSTEM_READ)
public class DetailedHealthResource {

    private final Instance<HealthCheck> checks;
    private final DetailedHealthResponse.Info info;

    public DetailedHealthResource(@HealthGroup(DetailedGroup.NAME) Instance<HealthCheck> checks,
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
        boolean essentialFailed = false;
        boolean anyFailed = false;
        boolean databaseDown = false;
        for (Instance.Handle<HealthCheck> check : databaseFirst()) {
            Bean<?> bean = check.getBean();
            long start = System.nanoTime();
            Outcome outcome = databaseDown && bean.getBeanClass().isAnnotationPresent(QueriesTheDatabase.class)
                    ? new Outcome(nameWithoutResponse(bean), false, "skipped: the database is not reachable")
                    : run(check);
            long ms = (System.nanoTime() - start) / 1_000_000;
            results.put(outcome.key(), new DetailedHealthResponse.Check(outcome.up() ? "healthy" : "unhealthy",
                    outcome.message(), ms));
            databaseDown |= isDatabase(bean) && !outcome.up();
            anyFailed |= !outcome.up();
            essentialFailed |= !outcome.up() && isEssential(bean);
        }
        String status = essentialFailed ? DetailedHealthResponse.UNHEALTHY
                : anyFailed ? DetailedHealthResponse.DEGRADED : DetailedHealthResponse.HEALTHY;
        return Response.status(essentialFailed ? 503 : 200)
                .entity(new DetailedHealthResponse(status, results, info)).build();
    }

    /**
     * The database first: with it unreachable, every check that queries it would wait out the pool's acquisition
     * timeout in turn, and the answer would come too late to be of use to a probe or a person.
     */
    private List<? extends Instance.Handle<HealthCheck>> databaseFirst() {
        return checks.handlesStream().sorted(Comparator.comparing(h -> !isDatabase(h.getBean()))).toList();
    }

    private static Outcome run(Instance.Handle<HealthCheck> check) {
        try {
            HealthCheckResponse response = check.get().call();
            Object message = response.getData().map(data -> data.get(DetailedGroup.MESSAGE)).orElse(null);
            boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
            return new Outcome(response.getName(), up, message == null ? response.getStatus().name()
                    : message.toString());
        } catch (RuntimeException e) {
            return new Outcome(nameWithoutResponse(check.getBean()), false, "check failed: " + e.getMessage());
        }
    }

    /** Only the checks that query the database can fail or be skipped before they answer; they name themselves. */
    private static String nameWithoutResponse(Bean<?> bean) {
        QueriesTheDatabase queries = bean.getBeanClass().getAnnotation(QueriesTheDatabase.class);
        return queries != null ? queries.value() : bean.getBeanClass().getSimpleName();
    }

    private static boolean isDatabase(Bean<?> bean) {
        return bean.getBeanClass() == DatabaseCheck.class;
    }

    private static boolean isEssential(Bean<?> bean) {
        return isDatabase(bean) || bean.getQualifiers().stream().anyMatch(q -> q.annotationType() == Readiness.class);
    }

    private record Outcome(String name, boolean up, String message) {
        String key() {
            return name.replace(' ', '_');
        }
    }
}
