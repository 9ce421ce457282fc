package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskActionResult;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskActionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Fixture fx;

    private TaskActionResult act(String action, String body) {
        return fx.api().read(given().contentType(ContentType.JSON).body(body).post("/v1/tasks/actions/" + action)
                .then().statusCode(200).extract().asString(), TaskActionResult.class);
    }

    @Test
    void aDryRunSelectsWithoutChangingAndTheRunRetriesEveryFailedTaskOfTheFilter() {
        Api api = fx.api();
        TestWorker worker = fx.worker("actions-worker");
        String ns = TestTemplates.uniqueNamespace("actions");
        fx.templates().register(TestTemplates.linear(ns));
        List<UUID> tasks = List.of(api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid(),
                api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid(),
                api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid());
        List<TestWorker.Claim> firsts = worker.awaitClaims(ns, 3, WAIT);
        worker.fail(firsts.get(0), "validation_error", "no", false);
        worker.fail(firsts.get(1), "validation_error", "no", false);
        // A failure is applied by the result processor after the report: the filter selects the tasks once it has.
        Poll.of("the two failed tasks to be in error", () -> tasks.stream()
                        .filter(t -> api.get(t).status() == TaskState.ERROR).count())
                .until(n -> n == 2, WAIT);
        String filter = "{\"namespace\": \"" + ns + "\", \"status\": \"error\"}";

        TaskActionResult preview = act("retry", "{\"filter\": " + filter + ", \"dry_run\": true, "
                + "\"requested_by\": \"ops\"}");
        TaskActionResult done = act("retry", "{\"filter\": " + filter + ", \"requested_by\": \"ops\", "
                + "\"reason\": \"bulk\"}");

        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.matched()).isEqualTo(2);
        assertThat(preview.selected()).extracting(TaskSummary::status).containsOnly(TaskState.ERROR);
        assertThat(preview.changed()).isEmpty();
        assertThat(done.changed()).hasSize(2).doesNotContain(tasks.stream()
                .filter(t -> t.equals(firsts.get(2).step().taskUuid())).findFirst().orElseThrow());
        assertThat(done.skipped()).isEmpty();
        assertThat(done.changed()).allSatisfy(t -> assertThat(api.get(t).status()).isNotEqualTo(TaskState.ERROR));
    }

    @Test
    void aBulkCancelSkipsWhatAlreadyFinishedAndTheLimitTakesTheNewest() {
        Api api = fx.api();
        String ns = TestTemplates.uniqueNamespace("actions");
        fx.templates().register(TestTemplates.linear(ns));
        UUID oldest = api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid();
        UUID middle = api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid();
        UUID newest = api.create(ns, "mathematical_sequence", Api.evenNumber(6)).taskUuid();
        given().delete("/v1/tasks/" + middle).then().statusCode(200);
        String filter = "{\"namespace\": \"" + ns + "\"}";

        TaskActionResult one = act("cancel", "{\"filter\": " + filter + ", \"limit\": 1, \"dry_run\": true, "
                + "\"requested_by\": \"ops\"}");
        TaskActionResult all = act("cancel", "{\"filter\": " + filter + ", \"requested_by\": \"ops\"}");

        assertThat(one.matched()).isEqualTo(3);
        assertThat(one.selected()).extracting(TaskSummary::taskUuid).containsExactly(newest);
        assertThat(all.changed()).containsExactly(newest, oldest);
        assertThat(all.skipped()).singleElement().satisfies(s -> {
            assertThat(s.taskUuid()).isEqualTo(middle);
            assertThat(s.reason()).contains("cancelled");
        });
        assertThat(api.get(oldest).status()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void refusalsSayWhy() {
        given().contentType(ContentType.JSON).body("{\"filter\": {}, \"requested_by\": \"ops\"}")
                .post("/v1/tasks/actions/cancel").then().statusCode(400)
                .body("error.message", containsString("a bulk action never applies to every task"));
        given().contentType(ContentType.JSON).body("{\"filter\": {\"tag\": \"x\"}}")
                .post("/v1/tasks/actions/cancel").then().statusCode(400)
                .body("error.message", containsString("requested_by is required"));
        given().contentType(ContentType.JSON).body("{\"filter\": {\"tag\": \"x\"}, \"limit\": 0, \"requested_by\": \"o\"}")
                .post("/v1/tasks/actions/retry").then().statusCode(400)
                .body("error.message", containsString("limit must be 1-1000, got 0"));
        given().contentType(ContentType.JSON).body("{\"filter\": {\"status\": \"done\"}, \"requested_by\": \"o\"}")
                .post("/v1/tasks/actions/retry").then().statusCode(400)
                .body("error.message", containsString("status 'done' is not a task state"));
        given().contentType(ContentType.JSON).body("{\"filter\": {\"tag\": \"x\"}, \"requested_by\": \"o\"}")
                .post("/v1/tasks/actions/delete").then().statusCode(404)
                .body("error.message", containsString("no bulk action 'delete': use cancel or retry"));
    }
}
