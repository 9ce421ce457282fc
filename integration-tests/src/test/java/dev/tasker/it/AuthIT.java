package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.testing.Container;
import dev.tasker.testing.ItTokens;
import dev.tasker.testing.RawJson;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stack runs with authentication on (compose-devservices.yml gives both services an admin and a reader key):
 * every protected route family refuses a request without a token or with an unknown one (401) and one whose key
 * lacks the permission (403), with the contract's error body; health probes stay open; and no token ever shows up
 * in a container's log. Runs after the other workflow classes, before the fault tests, so the log check covers
 * what the suite did so far.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 3)
class AuthIT {

    private static final String UNKNOWN_TOKEN = "tasker-it-unknown-token-" + UUID.randomUUID();
    /** A bearer credential with a value (the services' hint "Bearer <token>" names none). */
    private static final Pattern BEARER_VALUE = Pattern.compile("Bearer [^<\\s]");
    private static final String SOME_TASK = "/v1/tasks/" + UUID.randomUUID();

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    /** A request, and the permission its route needs ("" for routes that only need a known key to be read). */
    private record Route(String service, String method, String path, String body, String permission) {
        @Override
        public String toString() {
            return method + " " + service + path;
        }
    }

    private static final List<Route> PROTECTED = List.of(
            new Route("orchestration", "GET", "/v1/tasks", null, "tasks:read"),
            new Route("orchestration", "GET", SOME_TASK, null, "tasks:read"),
            new Route("orchestration", "GET", SOME_TASK + "/workflow_steps", null, "tasks:read"),
            new Route("orchestration", "GET", SOME_TASK + "/transitions", null, "tasks:read"),
            new Route("orchestration", "GET", "/v1/templates", null, "tasks:read"),
            new Route("orchestration", "POST", "/v1/tasks",
                    "{\"namespace\":\"linear_workflow\",\"name\":\"mathematical_sequence\",\"context\":{}}",
                    "tasks:write"),
            new Route("orchestration", "DELETE", SOME_TASK, null, "tasks:write"),
            new Route("orchestration", "PATCH", SOME_TASK + "/workflow_steps/" + UUID.randomUUID(),
                    "{\"reason\":\"auth test\"}", "tasks:write"),
            new Route("orchestration", "POST", "/v1/templates", "{}", "templates:write"),
            new Route("orchestration", "GET", "/v1/workers", null, "workers:read"),
            new Route("orchestration", "PUT", "/v1/workers/auth-it-worker",
                    "{\"namespaces\":[\"linear_workflow\"]}", "workers:write"),
            new Route("orchestration", "DELETE", "/v1/workers/auth-it-worker", null, "workers:write"),
            new Route("orchestration", "GET", "/health/detailed", null, "system:read"),
            new Route("worker", "GET", "/status", null, "workers:read"),
            new Route("worker", "GET", "/handlers", null, "workers:read"),
            new Route("worker", "GET", "/templates", null, "workers:read"),
            new Route("worker", "GET", "/health/detailed", null, "system:read"));

    /** What the reader key (tasks:read, workers:read, system:read) may do. */
    private static final List<String> READER_PERMISSIONS = List.of("tasks:read", "workers:read", "system:read");

    @Test
    void everyProtectedRouteRefusesMissingAndUnknownTokensWith401() {
        List<String> wrong = new ArrayList<>();
        for (String token : new String[] {null, UNKNOWN_TOKEN}) {
            RawJson http = new RawJson(token);
            for (Route route : PROTECTED) {
                RawJson.Answer answer = http.answer(route.method(), url(route), route.body());
                if (answer.status() != 401 || !"UNAUTHORIZED".equals(code(answer))) {
                    wrong.add(route + (token == null ? " without a token" : " with an unknown token") + ": HTTP "
                            + answer.status() + " " + answer.body());
                }
            }
        }
        assertThat(wrong).as("routes that did not answer 401 UNAUTHORIZED").isEmpty();
    }

    @Test
    void aKeyWithoutTheRoutesPermissionGets403AndOneWithItGetsThrough() {
        RawJson reader = new RawJson(ItTokens.READER);
        List<String> wrong = new ArrayList<>();
        for (Route route : PROTECTED) {
            RawJson.Answer answer = reader.answer(route.method(), url(route), route.body());
            boolean allowed = READER_PERMISSIONS.contains(route.permission());
            boolean ok = allowed ? answer.status() != 401 && answer.status() != 403
                    : answer.status() == 403 && "FORBIDDEN".equals(code(answer))
                            && answer.body().path("error").path("message").asText().contains(route.permission());
            if (!ok) {
                wrong.add(route + " with the reader key (" + (allowed ? "allowed" : "needs " + route.permission())
                        + "): HTTP " + answer.status() + " " + answer.body());
            }
        }
        assertThat(wrong).as("routes answering the reader key wrongly").isEmpty();
    }

    @Test
    void healthProbesStayOpen() {
        RawJson anonymous = new RawJson(null);
        for (String service : List.of("orchestration", "worker")) {
            for (String probe : List.of("/health", "/health/live", "/health/ready")) {
                URI url = base(service).resolve(probe);
                assertThat(anonymous.answer(url).status()).as("GET %s without a token", url).isEqualTo(200);
            }
        }
    }

    @Test
    void noTokenAppearsInAnyContainerLog() {
        // Make sure this class's own refused requests happened before the look.
        new RawJson(UNKNOWN_TOKEN).answer(base("orchestration").resolve("/v1/tasks"));
        List<String> leaks = new ArrayList<>();
        for (Container container : it.stack().project().containers()) {
            String log = it.stack().project().allLogs(container);
            assertThat(log).as(container.service() + " log").isNotBlank();
            log.lines().filter(line -> line.contains(ItTokens.ADMIN) || line.contains(ItTokens.READER)
                            || line.contains(UNKNOWN_TOKEN) || BEARER_VALUE.matcher(line).find())
                    .forEach(line -> leaks.add(container.service() + ": " + line));
        }
        assertThat(leaks).as("log lines carrying a token").isEmpty();
    }

    private URI url(Route route) {
        return base(route.service()).resolve(route.path());
    }

    private URI base(String service) {
        return service.equals("worker") ? it.stack().workerUrl() : it.stack().orchestrationUrl();
    }

    private static String code(RawJson.Answer answer) {
        return answer.body() == null ? null : answer.body().path("error").path("code").asText();
    }
}
