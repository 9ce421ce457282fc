package dev.tasker.orchestration.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.orchestration.task.TaskResource;
import dev.tasker.runtime.auth.AccessPolicy;
import dev.tasker.runtime.auth.OpenAccess;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.health.DetailedHealthResource;
import dev.tasker.runtime.health.HealthResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The permission each route of the orchestration needs when authentication is on (plain JUnit: read from the
 * annotations the auth filter reads). A resource class added without a permission shows up here as NONE.
 */
class RoutePermissionsTest {

    @Test
    void everyRouteNeedsItsFamilysPermission() throws Exception {
        List<Class<?>> resources = new ArrayList<>(resourceClassesBeside(TaskResource.class));
        resources.add(HealthResource.class);
        resources.add(DetailedHealthResource.class);

        assertThat(routes(resources)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                entry("POST /v1/tasks", "tasks:write"),
                entry("GET /v1/tasks", "tasks:read"),
                entry("GET /v1/tasks/{task_uuid}", "tasks:read"),
                entry("GET /v1/tasks/{task_uuid}/wait", "tasks:read"),
                entry("GET /v1/tasks/{task_uuid}/transitions", "tasks:read"),
                entry("DELETE /v1/tasks/{task_uuid}", "tasks:write"),
                entry("POST /v1/tasks/{task_uuid}/retry", "tasks:write"),
                entry("POST /v1/tasks/actions/{action}", "tasks:write"),
                entry("GET /v1/tasks/{task_uuid}/workflow_steps", "tasks:read"),
                entry("GET /v1/tasks/{task_uuid}/workflow_steps/{step_uuid}", "tasks:read"),
                entry("PATCH /v1/tasks/{task_uuid}/workflow_steps/{step_uuid}", "tasks:write"),
                entry("GET /v1/templates", "tasks:read"),
                entry("GET /v1/templates/{namespace}/{name}/{version}", "tasks:read"),
                entry("POST /v1/templates", "templates:write"),
                entry("GET /v1/namespaces", "tasks:read"),
                entry("GET /v1/workers", "workers:read"),
                entry("GET /v1/workers/{worker_id}", "workers:read"),
                entry("PUT /v1/workers/{worker_id}", "workers:write"),
                entry("DELETE /v1/workers/{worker_id}", "workers:write"),
                entry("GET /health", "open"),
                entry("GET /health/live", "open"),
                entry("GET /health/ready", "open"),
                entry("GET /health/detailed", "system:read")));
    }

    /** "GET /v1/tasks" -> "tasks:read"; "open" for probes, "NONE" for a route that declares nothing. */
    static Map<String, String> routes(List<Class<?>> resources) {
        Map<String, String> routes = new TreeMap<>();
        for (Class<?> type : resources) {
            String base = type.getAnnotation(Path.class).value();
            for (Method m : type.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = ("/" + base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                String needs = m.isAnnotationPresent(OpenAccess.class) ? "open"
                        : AccessPolicy.required(m, type).map(Permission::wire).orElse("NONE");
                routes.put(verb + " " + path, needs);
            }
        }
        return routes;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** The @Path classes compiled into the same directory as {@code anchor}: this module's resources. */
    static List<Class<?>> resourceClassesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        java.nio.file.Path root = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                    if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // generated or optional classes that cannot load outside Quarkus hold no resources
                }
            }
        }
        assertThat(found).as("resource classes found beside " + anchor.getName()).isNotEmpty();
        return found;
    }
}
