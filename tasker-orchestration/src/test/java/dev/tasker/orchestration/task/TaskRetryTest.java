package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Fixture fx;

    private String retry(UUID task, String body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/tasks/" + task + "/retry").then()
                .statusCode(status).extract().asString();
    }

    @Test
    void aFailedStepRunsAgainWithAFreshCounterAndWhatCompletedIsNotRunAgain() {
        Api api = fx.api();
        TestWorker worker = fx.worker("retry-worker");
        String ns = TestTemplates.uniqueNamespace("retry");
        fx.templates().register(TestTemplates.linear(ns));
        UUID task = api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid();
        worker.succeed(worker.awaitClaims(ns, 1, WAIT).get(0), Api.evenNumber(36));
        TestWorker.Claim second = worker.awaitClaims(ns, 1, WAIT).get(0);
        assertThat(second.name()).isEqualTo("linear_step_2");
        worker.fail(second, "validation_error", "bad input", false);
        api.awaitState(task, TaskState.ERROR, WAIT);

        TaskResponse retried = api.read(retry(task, "{\"requested_by\": \"ops@example.com\", \"reason\": \"INC-7\"}",
                200), TaskResponse.class);

        assertThat(retried.status()).isEqualTo(TaskState.STEPS_IN_PROCESS);
        assertThat(retried.step("linear_step_1").orElseThrow().currentState()).isEqualTo(StepState.COMPLETE);
        assertThat(retried.step("linear_step_2").orElseThrow().attempts()).isZero();
        assertThat(retried.step("linear_step_2").orElseThrow().error()).isNull();
        TestWorker.Claim again = worker.awaitClaims(ns, 1, WAIT).get(0);
        assertThat(again.name()).isEqualTo("linear_step_2");
        assertThat(again.step().attempt()).isEqualTo(1);
        assertThat(again.step().parentResults().get("linear_step_1").get("even_number").asInt()).isEqualTo(36);
        worker.succeed(again, Api.evenNumber(1));
        for (int i = 0; i < 2; i++) {
            worker.succeed(worker.awaitClaims(ns, 1, WAIT).get(0), Api.evenNumber(1));
        }
        api.awaitState(task, TaskState.COMPLETE, WAIT);

        List<TransitionResponse> history = fx.api().transitions(task);
        TransitionResponse reset = history.stream().filter(t -> "linear_step_2".equals(t.stepName())
                && "pending".equals(t.toState()) && "error".equals(t.fromState())).findFirst().orElseThrow();
        assertThat(reset.metadata().get("retried_by").asText()).isEqualTo("ops@example.com");
        assertThat(reset.metadata().get("reason").asText()).isEqualTo("INC-7");
        assertThat(reset.metadata().get("previous_attempts").asInt()).isEqualTo(1);
        assertThat(history).anySatisfy(t -> {
            assertThat(t.subject()).isEqualTo(TransitionResponse.TASK);
            assertThat(t.fromState()).isEqualTo("error");
            assertThat(t.metadata().get("cause").asText()).isEqualTo("retried by ops@example.com: INC-7");
        });
        assertThat(history.stream().filter(t -> "linear_step_1".equals(t.stepName())
                && "in_progress".equals(t.toState()))).hasSize(1);
    }

    @Test
    void aRetryWithCorrectedContextReachesTheStepsThatRunAgain() {
        Api api = fx.api();
        TestWorker worker = fx.worker("retry-worker-2");
        String ns = TestTemplates.uniqueNamespace("retry");
        fx.templates().register(TestTemplates.linear(ns));
        UUID task = api.create(ns, "mathematical_sequence", Api.evenNumber(7)).taskUuid();
        worker.fail(worker.awaitClaims(ns, 1, WAIT).get(0), "validation_error", "odd", false);
        api.awaitState(task, TaskState.ERROR, WAIT);

        retry(task, "{\"requested_by\": \"ops\", \"context\": {\"even_number\": 8}}", 200);

        TestWorker.Claim again = worker.awaitClaims(ns, 1, WAIT).get(0);
        assertThat(again.step().taskContext().get("even_number").asInt()).isEqualTo(8);
        assertThat(api.get(task).context().get("even_number").asInt()).isEqualTo(8);
        assertThat(fx.api().transitions(task)).anySatisfy(t -> assertThat(t.metadata() == null ? null
                : t.metadata().path("context_changed").toString()).isEqualTo("[\"even_number\"]"));
    }

    @Test
    void refusalsSayWhy() {
        Api api = fx.api();
        TestWorker worker = fx.worker("retry-worker-3");
        String ns = TestTemplates.uniqueNamespace("retry");
        fx.templates().register(TestTemplates.diamond(ns));
        UUID task = api.create(ns, "diamond_pattern", Api.evenNumber(6)).taskUuid();
        worker.succeed(worker.awaitClaims(ns, 1, WAIT).get(0), Api.evenNumber(36));
        List<TestWorker.Claim> branches = worker.awaitClaims(ns, 2, WAIT);

        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\"}").post("/v1/tasks/" + task + "/retry")
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString("has no step in error to retry"));
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\", \"steps\": [\"diamond_start\"]}")
                .post("/v1/tasks/" + task + "/retry").then().statusCode(409)
                .body("error.message", containsString("step 'diamond_start' is complete"));
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\", \"steps\": [\"nope\"]}")
                .post("/v1/tasks/" + task + "/retry").then().statusCode(400)
                .body("error.message", containsString("has no step 'nope' (its steps: diamond_start, "));
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\"}").post("/v1/tasks/" + task + "/retry")
                .then().statusCode(400).body("error.message", containsString("requested_by is required"));
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\", \"context\": [1]}")
                .post("/v1/tasks/" + task + "/retry").then().statusCode(400)
                .body("error.message", containsString("context must be a JSON object"));
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\"}")
                .post("/v1/tasks/" + UUID.randomUUID() + "/retry").then().statusCode(404);

        for (TestWorker.Claim branch : branches) {
            worker.fail(branch, "validation_error", "no", false);
        }
        api.awaitState(task, TaskState.ERROR, WAIT);
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\", \"steps\": [\"diamond_branch_b\"]}")
                .post("/v1/tasks/" + task + "/retry").then().statusCode(409)
                .body("error.message", containsString("diamond_branch_c of task " + task + " are in error too"));
        retry(task, "{\"requested_by\": \"ops\", \"steps\": [\"diamond_branch_b\", \"diamond_branch_c\"]}", 200);
        assertThat(worker.awaitClaims(ns, 2, WAIT)).extracting(TestWorker.Claim::name)
                .containsExactlyInAnyOrder("diamond_branch_b", "diamond_branch_c");
        given().contentType(ContentType.JSON).body("{\"requested_by\": \"ops\"}").post("/v1/tasks/" + task + "/retry")
                .then().statusCode(409).body("error.message", containsString("has no step in error"));
    }

}
