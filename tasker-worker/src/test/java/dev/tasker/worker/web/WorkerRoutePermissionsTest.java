package dev.tasker.worker.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.runtime.auth.AccessPolicy;
import dev.tasker.runtime.auth.Permission;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The worker API needs workers:read on every route when authentication is on (the health routes: tasker-runtime). */
class WorkerRoutePermissionsTest {

    @Test
    void everyWorkerApiRouteNeedsWorkersRead() {
        Map<String, String> routes = new TreeMap<>();
        for (Method m : WorkerStatusResource.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(GET.class)) {
                routes.put("GET /" + m.getAnnotation(Path.class).value(), AccessPolicy.required(m,
                        WorkerStatusResource.class).map(Permission::wire).orElse("NONE"));
            }
        }
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /status", "workers:read",
                "GET /status/namespaces", "workers:read",
                "GET /handlers", "workers:read",
                "GET /templates", "workers:read"));
        assertThat(Arrays.stream(WorkerStatusResource.class.getDeclaredMethods())
                .filter(m -> m.getAnnotations().length > 0 && !m.isAnnotationPresent(GET.class)))
                .as("only GET routes in the worker API").isEmpty();
    }
}
