package dev.tasker.orchestration.step;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResolution;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ManualResolutionTest {

    @Inject
    Fixture fx;

    @Test
    void resolvingTheFailedStepResumesTheTaskAndItsChildrenRunWithTheResolutionData() {
        Api api = fx.api();
        TestWorker worker = fx.worker("resolution-worker");
        String ns = TestTemplates.uniqueNamespace("resolve");
        fx.templates().register(TestTemplates.linear(ns));
        UUID task = api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid();

        TestWorker.Claim first = worker.awaitClaims(ns, 1, Duration.ofSeconds(10)).get(0);
        worker.fail(first, "validation_error", "no good", false);
        TaskResponse failed = api.awaitState(task, TaskState.ERROR, Duration.ofSeconds(5));
        UUID stepUuid = failed.step("linear_step_1").orElseThrow().stepUuid();

        StepResolution resolution = new StepResolution(JsonNodeFactory.instance.objectNode().put("result", 36),
                "ops@example.com", "input fixed by hand");
        StepResponse resolved = api.read(given().contentType(ContentType.JSON).body(api.write(resolution))
                .patch("/v1/tasks/" + task + "/workflow_steps/" + stepUuid).then().statusCode(200).extract()
                .asString(), StepResponse.class);
        assertThat(resolved.currentState()).isEqualTo(StepState.RESOLVED_MANUALLY);
        assertThat(resolved.results().get("result").asInt()).isEqualTo(36);

        TestWorker.Claim second = worker.awaitClaims(ns, 1, Duration.ofSeconds(10)).get(0);
        assertThat(second.name()).isEqualTo("linear_step_2");
        assertThat(second.step().parentResults().get("linear_step_1").get("result").asInt()).isEqualTo(36);
        assertThat(api.get(task).status()).isEqualTo(TaskState.STEPS_IN_PROCESS);
        worker.succeed(second, Api.evenNumber(1));
        for (int i = 0; i < 2; i++) {
            worker.succeed(worker.awaitClaims(ns, 1, Duration.ofSeconds(10)).get(0), Api.evenNumber(1));
        }
        // Every step is done, one of them by hand.
        TaskResponse done = api.awaitState(task, TaskState.RESOLVED_MANUALLY, Duration.ofSeconds(10));
        assertThat(done.completionPercentage()).isEqualTo(100.0);

        given().contentType(ContentType.JSON).body(api.write(resolution))
                .patch("/v1/tasks/" + task + "/workflow_steps/" + stepUuid).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
    }

    @Test
    void aCompleteStepCannotBeResolvedAndResolvedByIsRequired() {
        Api api = fx.api();
        TestWorker worker = fx.worker("resolution-worker-2");
        String ns = TestTemplates.uniqueNamespace("resolve");
        fx.templates().register(TestTemplates.diamond(ns));
        UUID task = api.create(ns, "diamond_pattern", Api.evenNumber(6)).taskUuid();
        TestWorker.Claim start = worker.awaitClaims(ns, 1, Duration.ofSeconds(10)).get(0);
        worker.succeed(start, Api.evenNumber(1));
        worker.awaitClaims(ns, 2, Duration.ofSeconds(10));
        UUID startUuid = start.step().stepUuid();

        given().contentType(ContentType.JSON).body("{\"resolved_by\": \"ops\"}")
                .patch("/v1/tasks/" + task + "/workflow_steps/" + startUuid).then().statusCode(409)
                .body("error.message", containsString("'diamond_start' is complete"));
        UUID end = api.get(task).step("diamond_end").orElseThrow().stepUuid();
        given().contentType(ContentType.JSON).body("{\"resolution_data\": {}}")
                .patch("/v1/tasks/" + task + "/workflow_steps/" + end).then().statusCode(400)
                .body("error.message", containsString("resolved_by is required"));
        // A pending step can be resolved ahead of time: its result stands in when its parents finish.
        given().contentType(ContentType.JSON).body("{\"resolved_by\": \"ops\", \"resolution_data\": {\"result\": 5}}")
                .patch("/v1/tasks/" + task + "/workflow_steps/" + end).then().statusCode(200)
                .body("current_state", equalTo("resolved_manually"));
    }
}
