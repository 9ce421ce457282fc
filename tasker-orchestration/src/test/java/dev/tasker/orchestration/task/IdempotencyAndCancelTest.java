package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.Scenario;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyAndCancelTest {

    @Inject
    Fixture fx;

    Scenario s;

    @BeforeEach
    void setUp() {
        s = fx.scenario("idem", "cancel-test-worker");
        fx.templates().register(TestTemplates.diamond(s.ns()));
    }

    @Test
    void theSameRequestWithTheSameKeyReplaysTheOriginalTask() {
        String key = "order-" + UUID.randomUUID();
        TaskRequest request = new TaskRequest(s.ns(), "diamond_pattern", null, Api.evenNumber(6), "tester", "tests",
                "idempotency", List.of("a"), 2, null, key);
        TaskResponse first = s.api().create(request);
        String replay = given().contentType(ContentType.JSON).body(s.api().write(request)).post("/v1/tasks")
                .then().statusCode(200).extract().asString();
        assertThat(s.api().read(replay, TaskResponse.class).taskUuid()).isEqualTo(first.taskUuid());
        assertThat(first.idempotencyKey()).isEqualTo(key);
        assertThat(countTasksWithKey(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentRequestIsAConflict() {
        String key = "order-" + UUID.randomUUID();
        TaskRequest request = new TaskRequest(s.ns(), "diamond_pattern", null, Api.evenNumber(6), null, null, null,
                null, null, null, key);
        TaskResponse first = s.api().create(request);
        TaskRequest other = new TaskRequest(s.ns(), "diamond_pattern", null, Api.evenNumber(8), null, null, null,
                null, null, null, key);
        given().contentType(ContentType.JSON).body(s.api().write(other)).post("/v1/tasks").then()
                .statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString(first.taskUuid().toString()));
    }

    @Test
    void concurrentCreatesWithOneKeyMakeOneTask() throws Exception {
        String key = "race-" + UUID.randomUUID();
        TaskRequest request = TaskRequest.of(s.ns(), "diamond_pattern", Api.evenNumber(4)).withIdempotencyKey(key);
        List<Thread> threads = new java.util.ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 6; i++) {
            Thread t = new Thread(() -> statuses.add(given().contentType(ContentType.JSON).body(s.api().write(request))
                    .post("/v1/tasks").statusCode()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(statuses).hasSize(6).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(countTasksWithKey(key)).isEqualTo(1);
    }

    @Test
    void cancellingARunningTaskCancelsWhatHasNotStartedAndNothingRunsAfter() {
        TaskResponse task = s.api().create(s.ns(), "diamond_pattern", Api.evenNumber(6));
        TestWorker.Claim start = s.awaitClaim();
        assertThat(start.name()).isEqualTo("diamond_start");

        TaskResponse cancelled = s.api().read(given().delete("/v1/tasks/" + task.taskUuid()).then().statusCode(200)
                .extract().asString(), TaskResponse.class);
        assertThat(cancelled.status()).isEqualTo(TaskState.CANCELLED);
        assertThat(cancelled.completedAt()).isNotNull();
        assertThat(s.api().stepStates(task.taskUuid())).containsEntry("diamond_start", StepState.IN_PROGRESS)
                .containsEntry("diamond_branch_b", StepState.CANCELLED)
                .containsEntry("diamond_end", StepState.CANCELLED);

        // The running step finishes and its result is kept, but no branch is ever enqueued.
        assertThat(s.worker().succeed(start, Api.evenNumber(1))).isTrue();
        Poll.of("start's result applied", () -> s.api().stepStates(task.taskUuid()))
                .until(states -> states.get("diamond_start") == StepState.COMPLETE, Duration.ofSeconds(5));
        assertThat(s.worker().claimVisible(s.ns())).isEmpty();
        assertThat(s.api().get(task.taskUuid()).status()).isEqualTo(TaskState.CANCELLED);

        given().delete("/v1/tasks/" + task.taskUuid()).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString("already cancelled"));
    }

    @Test
    void aQueuedStepOfACancelledTaskIsNeverClaimed() {
        TaskResponse task = s.api().create(s.ns(), "diamond_pattern", Api.evenNumber(6));
        given().delete("/v1/tasks/" + task.taskUuid()).then().statusCode(200);
        assertThat(s.worker().claimVisible(s.ns())).isEmpty();
        assertThat(s.api().stepStates(task.taskUuid()).values()).containsOnly(StepState.CANCELLED);
    }

    @Test
    void cancellingACompleteTaskIsAConflict() {
        fx.templates().register(TestTemplates.linear(s.ns()));
        TaskResponse task = s.api().create(s.ns(), "mathematical_sequence", Api.evenNumber(2));
        for (int i = 0; i < 4; i++) {
            s.worker().succeed(s.awaitClaim(), Api.evenNumber(1));
        }
        s.api().awaitState(task.taskUuid(), TaskState.COMPLETE, Duration.ofSeconds(10));
        given().delete("/v1/tasks/" + task.taskUuid()).then().statusCode(409)
                .body("error.message", containsString("already complete"));
    }

    private long countTasksWithKey(String key) {
        return fx.number("SELECT count(*) FROM tasker_tasks WHERE idempotency_key = ?", key);
    }
}
