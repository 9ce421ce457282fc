package dev.tasker.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.step.StepResolution;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.client.Endpoint;
import dev.tasker.client.ServiceCalls;
import dev.tasker.client.error.ErrorStatusMapper;
import dev.tasker.client.error.InvalidRequestException;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.error.TaskerApiException;
import dev.tasker.client.error.UnavailableException;
import dev.tasker.client.health.ServiceHealth;
import dev.tasker.client.json.JsonMappers;
import dev.tasker.client.orchestration.OrchestrationApi;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.client.orchestration.TaskQuery;
import dev.tasker.client.retry.RetryPolicy;
import dev.tasker.client.retry.Sleeper;
import dev.tasker.client.scripted.ErrorAnswers;
import dev.tasker.client.scripted.Fixtures;
import dev.tasker.client.scripted.ScriptedServer;
import dev.tasker.client.scripted.TaskQueries;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orchestration client over the JDK's HTTP client, as plain Java uses it: no Quarkus in this test. */
class JdkHttpApiTest {

    private static final String TASK_PATH = "/v1/tasks/" + Fixtures.TASK;

    private final ObjectMapper json = JsonMappers.json();
    private ScriptedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Endpoint endpoint(URI url) {
        return new Endpoint("orchestration", url, Duration.ofSeconds(2), Duration.ofSeconds(5), "s3cr3t-token");
    }

    private OrchestrationClient client(URI url) {
        Endpoint endpoint = endpoint(url);
        OrchestrationApi api = JdkHttpApi.create(OrchestrationApi.class, url, Duration.ofSeconds(2),
                Duration.ofSeconds(5), "s3cr3t-token", new ErrorStatusMapper(endpoint.errors()));
        return new OrchestrationClient(api, ServiceCalls.of(endpoint, RetryPolicy.standard(0)), Sleeper.SYSTEM);
    }

    @Test
    void readsTypedAnswersAndSendsTheTokenPathAndQuery() throws IOException {
        server.answer("GET " + TASK_PATH, 200, json.writeValueAsString(Fixtures.completedDiamond()))
                .answer("GET /v1/tasks", 200, "{\"tasks\": [], \"pagination\": {\"page\": 2, \"per_page\": 10, "
                        + "\"total_count\": 0, \"total_pages\": 0, \"has_next\": false, \"has_previous\": true}}");

        try (OrchestrationClient client = client(server.url())) {
            TaskResponse task = client.getTask(Fixtures.TASK);
            client.listTasks(TaskQuery.builder().namespace("linear_workflow").tag("a b").page(2).perPage(10).build());

            assertThat(task.steps().get(3).results().get("result").asLong()).isEqualTo(2821109907456L);
        }
        assertThat(server.requests("GET", TASK_PATH).get(0).authorization()).isEqualTo("Bearer s3cr3t-token");
        assertThat(server.requests("GET", "/v1/tasks").get(0).query())
                .contains("namespace=linear_workflow", "tag=a+b", "page=2", "per_page=10").doesNotContain("status=");
    }

    @Test
    void theTaskListSendsWhatTheGeneratedClientSends() {
        server.answer("GET /v1/tasks", 200, TaskQueries.EMPTY_PAGE);

        try (OrchestrationClient client = client(server.url())) {
            client.listTasks(TaskQueries.everyFilter());
            client.listTasks(TaskQueries.byCursor());
            client.listTasks(TaskQuery.all());
        }
        assertThat(server.requests("GET", "/v1/tasks")).extracting(ScriptedServer.Request::rawQuery)
                .containsExactly(TaskQueries.EVERY_FILTER_SENT, TaskQueries.BY_CURSOR_SENT, null);
    }

    /** Reflection gives getters no order, so a bean parameter's annotated getters are refused, not left out. */
    @Test
    void aBeanParameterWithAnAnnotatedGetterIsRefusedBeforeAnythingIsSent() {
        GetterApi api = JdkHttpApi.create(GetterApi.class, server.url(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), null, new ErrorStatusMapper(endpoint(server.url()).errors()));

        assertThatThrownBy(() -> api.list(new GetterParams())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GetterParams.getTag()");
        assertThat(server.requests()).isEmpty();
    }

    public static final class GetterParams {
        @QueryParam("tag")
        public String getTag() {
            return "nightly";
        }
    }

    interface GetterApi {
        @GET
        @Path("v1/tasks")
        String list(@BeanParam GetterParams params);
    }

    @Test
    void aResponseTypedCallSendsItsJsonBodyAndReadsTheEntity() throws IOException {
        server.answer("POST /v1/tasks", 201, json.writeValueAsString(Fixtures.completedDiamond()));

        try (OrchestrationClient client = client(server.url())) {
            TaskResponse created = client.createTask(TaskRequest.of("diamond_workflow", "diamond_pattern",
                    json.readTree("{\"even_number\": 6}")));
            assertThat(created.taskUuid()).isEqualTo(Fixtures.TASK);
        }
        String body = server.requests("POST", "/v1/tasks").get(0).body();
        assertThat(json.readTree(body).at("/context/even_number").asInt()).isEqualTo(6);
        assertThat(json.readTree(body).get("idempotency_key").asText()).isNotBlank();
    }

    @Test
    void aStepIsResolvedWithPatch() throws IOException {
        var step = Fixtures.completedDiamond().steps().get(0);
        String path = TASK_PATH + "/workflow_steps/" + step.stepUuid();
        server.answer("PATCH " + path, 200, json.writeValueAsString(step));

        try (OrchestrationClient client = client(server.url())) {
            var resolved = client.resolveStep(Fixtures.TASK, step.stepUuid(),
                    new StepResolution(json.readTree("{\"result\": 36}"), "tester", "by hand"));
            assertThat(resolved.name()).isEqualTo(step.name());
        }
        assertThat(json.readTree(server.requests("PATCH", path).get(0).body()).get("resolved_by").asText())
                .isEqualTo("tester");
    }

    @Test
    void anErrorStatusBecomesTheTypedErrorWithTheServicesMessage() {
        server.answer("GET " + TASK_PATH, 404, "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"task "
                + Fixtures.TASK + " does not exist\"}}");

        try (OrchestrationClient client = client(server.url())) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(NotFoundException.class)
                    .hasMessage("task " + Fixtures.TASK + " does not exist");
        }
    }

    /** As the generated client: the error mapper's typed errors, for entity- and Response-typed calls alike. */
    @Test
    void errorStatusesAreRaisedTypedByTheErrorMapper() {
        ErrorAnswers.script(server);
        OrchestrationApi api = JdkHttpApi.create(OrchestrationApi.class, server.url(), Duration.ofSeconds(2),
                Duration.ofSeconds(2), null, new ErrorStatusMapper(endpoint(server.url()).errors()));

        ErrorAnswers.assertRaisedTyped(api, "orchestration");
    }

    /** As the generated client: a body it cannot read is a typed error with the answer's status, not retried. */
    @Test
    void anAnswerItCannotReadIsATypedErrorWithItsStatus() {
        server.answer("GET " + TASK_PATH, 200, "{not json");

        try (OrchestrationClient client = client(server.url())) {
            assertThatThrownBy(() -> client.getTask(Fixtures.TASK)).isInstanceOf(InvalidRequestException.class)
                    .hasMessage("orchestration at " + server.url() + " answered HTTP 200 (OK)")
                    .satisfies(e -> assertThat(((TaskerApiException) e).httpStatus()).isEqualTo(200));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aNotReadyServiceIsUnhealthyWithItsProbeAndAClosedPortIsUnreachable() throws IOException {
        server.answer("GET /health/ready", 503, "{\"status\": \"DOWN\", \"checks\": [{\"name\": \"Database "
                + "connections health check\", \"status\": \"DOWN\"}]}");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        try (OrchestrationClient client = client(server.url());
                OrchestrationClient nowhere = client(URI.create("http://127.0.0.1:" + closed))) {
            ServiceHealth health = client.readiness();
            assertThat(health.healthy()).isFalse();
            assertThat(health.reachable()).isTrue();
            assertThat(health.detail()).contains("Database connections health check");
            assertThatThrownBy(() -> nowhere.getTask(Fixtures.TASK)).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("is not reachable: connection refused");
        }
    }
}
