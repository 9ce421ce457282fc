package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /v1/tasks/{uuid}/wait answers when the task finishes, woken by a notification. */
@QuarkusTest
class LongPollTest {

    @Inject
    Fixture fx;

    @Test
    void answersAsSoonAsTheTaskCompletes() throws Exception {
        Api api = fx.api();
        String ns = TestTemplates.uniqueNamespace("wait");
        fx.templates().register(TestTemplates.diamond(ns));
        UUID task = api.create(ns, "diamond_pattern", Api.evenNumber(2)).taskUuid();
        long start = System.nanoTime();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> given()
                .get("/v1/tasks/" + task + "/wait?timeout=20s").then().statusCode(200).extract().asString());

        TestWorker worker = fx.worker("wait-worker");
        for (int wave : new int[] {1, 2, 1}) {
            worker.awaitClaims(ns, wave, Duration.ofSeconds(10))
                    .forEach(c -> worker.succeed(c, JsonNodeFactory.instance.objectNode().put("result", 1)));
        }
        TaskResponse answered = api.read(waiting.get(15, TimeUnit.SECONDS), TaskResponse.class);
        assertThat(answered.status()).isEqualTo(TaskState.COMPLETE);
        assertThat(answered.completedSteps()).isEqualTo(4);
        // Woken by the notification, not by the 20 s timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // A finished task answers at once.
        given().get("/v1/tasks/" + task + "/wait").then().statusCode(200).body("status", equalTo("complete"));
    }

    @Test
    void answersWithTheCurrentStateWhenTheTimeoutPasses() {
        Api api = fx.api();
        String ns = TestTemplates.uniqueNamespace("wait");
        fx.templates().register(TestTemplates.linear(ns));
        UUID task = api.create(ns, "mathematical_sequence", Api.evenNumber(2)).taskUuid();
        long start = System.nanoTime();
        given().get("/v1/tasks/" + task + "/wait?timeout=300ms").then().statusCode(200)
                .body("status", equalTo("steps_in_process"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aDeadlineThatPassesBetweenReadsStillAnswers() {
        Api api = fx.api();
        String ns = fx.register("wait", TestTemplates::linear);
        UUID task = api.create(ns, "mathematical_sequence", Api.evenNumber(2)).taskUuid();
        // Short timeouts make the deadline fall between the service's two reads for some of these calls.
        for (int ms = 1; ms <= 40; ms++) {
            given().get("/v1/tasks/" + task + "/wait?timeout=" + ms + "ms").then().statusCode(200)
                    .body("status", equalTo("steps_in_process"));
        }
    }

    @Test
    void refusesABadTimeoutAndAnUnknownTask() {
        given().get("/v1/tasks/" + UUID.randomUUID() + "/wait?timeout=soon").then().statusCode(400)
                .body("error.message", containsString("timeout must be a duration"));
        given().get("/v1/tasks/" + UUID.randomUUID() + "/wait?timeout=5m").then().statusCode(400);
        given().get("/v1/tasks/" + UUID.randomUUID() + "/wait?timeout=1s").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }
}
