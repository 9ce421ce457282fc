package dev.tasker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.client.error.AccessDeniedException;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.error.InvalidRequestException;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.error.ServerFailureException;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.client.error.TaskerApiException;
import dev.tasker.client.error.UnavailableException;
import dev.tasker.client.json.JsonMappers;
import dev.tasker.client.orchestration.OrchestrationApi;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.client.orchestration.TaskQuery;
import dev.tasker.client.retry.RetryPolicy;
import dev.tasker.client.scripted.ErrorAnswers;
import dev.tasker.client.scripted.Fixtures;
import dev.tasker.client.scripted.ScriptedServer;
import dev.tasker.client.scripted.TaskQueries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server: retries, idempotency keys, error mapping, auth and waiting. Runs in
 * Quarkus because its REST client implementations are generated when the application is built.
 */
@QuarkusTest
class TaskerClientTest {

    private static final String TASK_PATH = "/v1/tasks/" + Fixtures.TASK;
    private static final String WAIT_PATH = TASK_PATH + "/wait";
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    private final ObjectMapper json = JsonMappers.json();
    private ScriptedServer server;

    @Inject
    TaskerClient injected;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OrchestrationClient client(String token) {
        Endpoint endpoint = new Endpoint("orchestration", server.url(), Duration.ofSeconds(2), Duration.ofSeconds(2),
                token);
        return OrchestrationClient.connect(endpoint, QUICK_RETRIES);
    }

    private String body(Object value) throws IOException {
        return json.writeValueAsString(value);
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    @Test
    void aGetIsRetriedAfterTwo503sAndThenSucceeds() throws IOException {
        server.answer("GET " + TASK_PATH, 503, error("SERVICE_UNAVAILABLE", "database down"))
                .answer("GET " + TASK_PATH, 503, error("SERVICE_UNAVAILABLE", "database down"))
                .answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));

        try (OrchestrationClient client = client(null)) {
            TaskResponse task = client.getTask(Fixtures.TASK);

            assertThat(task.status()).isEqualTo(TaskState.COMPLETE);
            assertThat(task.step("diamond_end").orElseThrow().results().get("result").asLong())
                    .isEqualTo(2821109907456L);
        }
        assertThat(server.requests("GET", TASK_PATH)).hasSize(3);
    }

    @Test
    void taskCreationRetriesWithTheSameGeneratedIdempotencyKey() throws IOException {
        server.answer("POST /v1/tasks", 503, error("SERVICE_UNAVAILABLE", "busy"))
                .answer("POST /v1/tasks", 502, "<html>bad gateway</html>")
                .answer("POST /v1/tasks", 201, body(Fixtures.completedDiamond()));

        try (OrchestrationClient client = client(null)) {
            TaskResponse task = client.createTask(TaskRequest.of("diamond_workflow", "diamond_pattern",
                    JsonNodeFactory.instance.objectNode().put("even_number", 6)));
            assertThat(task.taskUuid()).isEqualTo(Fixtures.TASK);
        }
        List<JsonNode> sent = server.requests("POST", "/v1/tasks").stream().map(r -> read(r.body())).toList();
        assertThat(sent).hasSize(3);
        String key = sent.get(0).get("idempotency_key").asText();
        assertThat(key).isNotBlank();
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.get("idempotency_key").asText()).isEqualTo(key);
            assertThat(r.get("namespace").asText()).isEqualTo("diamond_workflow");
            assertThat(r.at("/context/even_number").asInt()).isEqualTo(6);
        });
    }

    @Test
    void theCallersIdempotencyKeyIsKeptAndAReplayIsAccepted() throws IOException {
        server.answer("POST /v1/tasks", 200, body(Fixtures.completedDiamond()));

        try (OrchestrationClient client = client(null)) {
            client.createTask(TaskRequest.of("diamond_workflow", "diamond_pattern", null).withIdempotencyKey("mine"));
        }
        assertThat(read(server.requests().get(0).body()).get("idempotency_key").asText()).isEqualTo("mine");
    }

    @Test
    void aRetryIsSentOnceWithItsStepsContextAndWhoAndA409IsAConflict() {
        server.answer("POST " + TASK_PATH + "/retry", 503, error("SERVICE_UNAVAILABLE", "busy"))
                .answer("POST " + TASK_PATH + "/retry", 409, error("CONFLICT", "task has no step in error to retry"));

        try (OrchestrationClient client = client(null)) {
            TaskRetryRequest request = new TaskRetryRequest(List.of("flaky_step"),
                    JsonNodeFactory.instance.objectNode().put("fail_times", 0), "ops", "INC-7");
            assertThatThrownBy(() -> client.retryTask(Fixtures.TASK, request))
                    .isInstanceOf(UnavailableException.class);
            assertThatThrownBy(() -> client.retryTask(Fixtures.TASK, request))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("no step in error");
        }
        List<JsonNode> sent = server.requests("POST", TASK_PATH + "/retry").stream().map(r -> read(r.body())).toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("steps").get(0).asText()).isEqualTo("flaky_step");
        assertThat(sent.get(0).get("context").get("fail_times").asInt()).isZero();
        assertThat(sent.get(0).get("requested_by").asText()).isEqualTo("ops");
        assertThat(sent.get(0).get("reason").asText()).isEqualTo("INC-7");
    }

    @Test
    void clientErrorsAndServerFailuresAreNotRetried() {
        server.answer("GET " + TASK_PATH, 500, error("INTERNAL_ERROR", "boom"))
                .answer("DELETE " + TASK_PATH, 400, error("INVALID_UUID", "task_uuid is not a UUID"));

        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(ServerFailureException.class);
            assertThatThrownBy(() -> client.cancelTask(Fixtures.TASK)).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertApiError(e, "INVALID_UUID", 400, "task_uuid is not a UUID"));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void errorBodiesBecomeTypedExceptionsWithCodeStatusAndMessage() {
        server.answer("GET " + TASK_PATH, 404, error("NOT_FOUND", "task " + Fixtures.TASK + " not found"))
                .answer("DELETE " + TASK_PATH, 409, error("CONFLICT", "task is already complete"))
                .answer("GET /v1/workers/w1", 401, error("UNAUTHORIZED", "a bearer token is required"))
                .answer("GET /v1/workers/w2", 403, "")
                .answer("GET /v1/namespaces", 413, error("PAYLOAD_TOO_LARGE", "too big"));

        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertApiError(e, "NOT_FOUND", 404, "task " + Fixtures.TASK + " not found"));
            assertThatThrownBy(() -> client.cancelTask(Fixtures.TASK)).isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertApiError(e, "CONFLICT", 409, "task is already complete"));
            assertThatThrownBy(() -> client.worker("w1")).isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertApiError(e, "UNAUTHORIZED", 401, "a bearer token is required"));
            assertThatThrownBy(() -> client.worker("w2")).isInstanceOf(AccessDeniedException.class)
                    .satisfies(e -> assertThat(((TaskerApiException) e).code()).isEqualTo("FORBIDDEN"));
            assertThatThrownBy(client::namespaces).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertApiError(e, "PAYLOAD_TOO_LARGE", 413, "too big"));
        }
    }

    /** The generated client raises the typed errors itself: no caller unwraps a WebApplicationException. */
    @Test
    void theGeneratedClientRaisesTypedErrorsForEveryKindOfCall() {
        ErrorAnswers.script(server);
        Endpoint endpoint = new Endpoint("orchestration", server.url(), Duration.ofSeconds(2), Duration.ofSeconds(2));
        OrchestrationApi api = endpoint.client(OrchestrationApi.class);
        try {
            ErrorAnswers.assertRaisedTyped(api, "orchestration");
        } finally {
            ServiceCalls.closeQuietly(api);
        }
        assertThat(server.requests()).as("error statuses are not retried by the raw client").hasSize(3);
    }

    @Test
    void aServiceThatStaysUnavailableFailsAfterTheRetries() {
        server.answer("GET /v1/namespaces", 503, error("SERVICE_UNAVAILABLE", "database down"));

        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(client::namespaces).isInstanceOf(UnavailableException.class)
                    .satisfies(e -> assertApiError(e, "SERVICE_UNAVAILABLE", 503, "database down"));
        }
        assertThat(server.requests()).hasSize(1 + QUICK_RETRIES.maxRetries());
    }

    @Test
    void aClosedPortIsUnavailableAfterQuickRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint endpoint = new Endpoint("orchestration", URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        long start = System.nanoTime();
        try (OrchestrationClient client = OrchestrationClient.connect(endpoint, RetryPolicy.standard(3))) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(UnavailableException.class)
                    .hasMessage("orchestration at http://127.0.0.1:" + closedPort
                            + " is not reachable: connection refused")
                    .satisfies(e -> assertThat(((TaskerApiException) e).code()).isEqualTo("CONNECTION_REFUSED"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSlowAnswerTimesOutAndIsNotRepeated() throws IOException {
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()), Duration.ofMillis(1500));
        Endpoint endpoint = new Endpoint("orchestration", server.url(), Duration.ofSeconds(1),
                Duration.ofMillis(300));

        try (OrchestrationClient client = OrchestrationClient.connect(endpoint, QUICK_RETRIES)) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(UnavailableException.class)
                    .satisfies(e -> assertThat(((TaskerApiException) e).code()).isEqualTo("TIMEOUT"));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aConfiguredTokenIsSentAsBearer() throws IOException {
        server.answer("GET /v1/tasks", 200, "{\"tasks\":[],\"pagination\":{\"page\":2,\"per_page\":10,"
                + "\"total_count\":0,\"total_pages\":0,\"has_next\":false,\"has_previous\":true}}");

        try (OrchestrationClient client = client("s3cr3t-token")) {
            var page = client.listTasks(TaskQuery.builder().namespace("linear_workflow").status(TaskState.ERROR)
                    .page(2).perPage(10).build());
            assertThat(page.pagination().page()).isEqualTo(2);
        }
        ScriptedServer.Request request = server.requests().get(0);
        assertThat(request.authorization()).isEqualTo("Bearer s3cr3t-token");
        assertThat(request.query()).contains("namespace=linear_workflow", "status=error", "page=2", "per_page=10");
    }

    @Test
    void theTaskListSendsEachFilterByItsContractNameAndLeavesOutTheUnset() {
        server.answer("GET /v1/tasks", 200, TaskQueries.EMPTY_PAGE);

        try (OrchestrationClient client = client(null)) {
            client.listTasks(TaskQueries.everyFilter());
            client.listTasks(TaskQueries.byCursor());
            client.listTasks(TaskQuery.all());
        }
        assertThat(server.requests("GET", "/v1/tasks")).extracting(ScriptedServer.Request::rawQuery)
                .containsExactly(TaskQueries.EVERY_FILTER_SENT, TaskQueries.BY_CURSOR_SENT, null);
    }

    @Test
    void aNotReadyServiceIsUnhealthyWithTheChecksItsProbeNames() {
        server.answer("GET /health/ready", 503, "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"Database "
                + "connections health check\",\"status\":\"DOWN\"}]}");

        try (OrchestrationClient client = client(null)) {
            var health = client.readiness();
            assertThat(health.healthy()).isFalse();
            assertThat(health.reachable()).isTrue();
            assertThat(health.detail()).isEqualTo("not ready: Database connections health check");
        }
    }

    /**
     * The REST client raises a WebApplicationException of its own for an answer it cannot take (JSON it cannot
     * parse, a redirect): typed like an error status with that status, and not repeated.
     */
    @Test
    void anAnswerTheClientCannotTakeIsATypedErrorWithItsStatus() {
        server.answer("GET " + TASK_PATH, 200, "{not json")
                .answer("GET " + TASK_PATH + "/transitions", 302, "");

        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertApiError(e, "BAD_REQUEST", 200,
                            "orchestration at " + server.url() + " answered HTTP 200 (OK)"));
            assertThatThrownBy(() -> client.transitions(Fixtures.TASK)).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((TaskerApiException) e).httpStatus()).isEqualTo(302));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void waitForCompletionLongPollsUntilTheTaskIsTerminal() throws IOException {
        var steps = Fixtures.completedDiamond().steps();
        server.answer("GET " + WAIT_PATH, 200, body(Fixtures.task(TaskState.PENDING, ExecutionStatus.HAS_READY_STEPS,
                        steps, 0)))
                .answer("GET " + WAIT_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, steps, 2)))
                .answer("GET " + WAIT_PATH, 200, body(Fixtures.completedDiamond()));

        try (OrchestrationClient client = client(null)) {
            TaskResponse done = client.waitForCompletion(Fixtures.TASK, Duration.ofSeconds(10));
            assertThat(done.status()).isEqualTo(TaskState.COMPLETE);
        }
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0).query()).matches("timeout=\\d+ms");
    }

    @Test
    void waitForCompletionTimesOutNamingTheLastStateSeen() throws IOException {
        server.answer("GET " + WAIT_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                ExecutionStatus.PROCESSING, Fixtures.completedDiamond().steps(), 2)));

        long start = System.nanoTime();
        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(() -> client.waitForCompletion(Fixtures.TASK, Duration.ofMillis(700)))
                    .isInstanceOf(TaskTimeoutException.class)
                    .hasMessage("task " + Fixtures.TASK + " did not finish within 700 ms: last state "
                            + "steps_in_process, 2/4 steps complete")
                    .satisfies(e -> assertThat(((TaskTimeoutException) e).lastSeen().completedSteps()).isEqualTo(2));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(elapsed).isBetween(Duration.ofMillis(700), Duration.ofMillis(2500));
        // This server answers at once instead of holding the request: the client then pauses 25 ms doubling to
        // 500 ms between calls, so a handful of calls, not hundreds
        assertThat(server.requests().size()).isBetween(4, 10);
    }

    @Test
    void followReadsTheTaskEveryIntervalAndHandsEachReadOverUntilItEnds() throws IOException {
        var steps = Fixtures.completedDiamond().steps();
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.PENDING, ExecutionStatus.HAS_READY_STEPS,
                        steps, 0)))
                .answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, steps, 2)))
                .answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));
        List<TaskState> seen = new ArrayList<>();

        try (OrchestrationClient client = client(null)) {
            TaskResponse done = client.follow(Fixtures.TASK, Duration.ofSeconds(10), Duration.ofMillis(20),
                    t -> seen.add(t.status()));
            assertThat(done.status()).isEqualTo(TaskState.COMPLETE);
        }
        assertThat(seen).containsExactly(TaskState.PENDING, TaskState.STEPS_IN_PROCESS, TaskState.COMPLETE);
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void followTimesOutNamingTheLastStateSeen() throws IOException {
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                ExecutionStatus.PROCESSING, Fixtures.completedDiamond().steps(), 2)));

        try (OrchestrationClient client = client(null)) {
            assertThatThrownBy(() -> client.follow(Fixtures.TASK, Duration.ofMillis(300), Duration.ofMillis(50),
                    t -> { }))
                    .isInstanceOf(TaskTimeoutException.class)
                    .hasMessage("task " + Fixtures.TASK + " did not finish within 300 ms: last state "
                            + "steps_in_process, 2/4 steps complete");
        }
        assertThat(server.requests().size()).as("one read per interval").isBetween(3, 9);
    }

    @Test
    void theClientIsInjectableAndConfiguredFromTheApplicationsConfig() {
        assertThat(injected.config().orchestration().endpoint().baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(injected.config().worker().endpoint().baseUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(injected.config().orchestration().retry().maxRetries()).isEqualTo(3);
    }

    private static void assertApiError(Throwable e, String code, int status, String message) {
        TaskerApiException api = (TaskerApiException) e;
        assertThat(api.code()).isEqualTo(code);
        assertThat(api.httpStatus()).isEqualTo(status);
        assertThat(api.getMessage()).isEqualTo(message);
        assertThat(api.service()).isEqualTo("orchestration");
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /** Health and metrics are declared once, in ServiceApi; both generated clients serve them. */
    @Test
    void bothClientsReadTheHealthAndMetricsTheyInheritFromServiceApi() {
        server.answer("GET /health/ready", 200, "{\"status\":\"UP\",\"checks\":[]}")
                .answer("GET /metrics", 200, "tasker_up{service=\"x\"} 1.0\n");
        Endpoint endpoint = new Endpoint("worker", server.url(), Duration.ofSeconds(2), Duration.ofSeconds(2), null);
        dev.tasker.client.worker.WorkerClient worker = dev.tasker.client.worker.WorkerClient.connect(endpoint,
                QUICK_RETRIES);

        assertThat(client(null).readiness().healthy()).isTrue();
        assertThat(worker.readiness().healthy()).isTrue();
        assertThat(worker.metrics()).contains("tasker_up{service=\"x\"} 1.0");
    }
}
