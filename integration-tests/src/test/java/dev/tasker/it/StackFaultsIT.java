package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.testing.Container;
import dev.tasker.testing.ItTokens;
import dev.tasker.testing.Poll;
import dev.tasker.testing.RawJson;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import io.quarkus.test.junit.QuarkusTest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults on the test JVM's own containers, with work in flight: a crashed worker, a restarted orchestration, a
 * restarted database. Nothing may be lost and no step result recorded twice. These tests change the shared
 * stack, so they run after the other classes but StateMachineIT ({@code @Order}, see src/test/resources/application.properties)
 * and leave every container running and the stack ready.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class StackFaultsIT {

    private static final Duration RECOVERY = FaultChecks.RECOVERY;

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();
    private final FaultChecks faults = new FaultChecks(it);

    @AfterEach
    void leaveTheStackRunningAndReady() {
        for (Container c : it.stack().project().containers()) {
            if (!c.running()) {
                it.stack().start(c.service());
            }
        }
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
    }

    @Test
    void aWorkerKilledMidRunLosesNoTaskAndRecordsNoResultTwice() {
        LinearBatch batch = faults.startedBatch();

        it.stack().kill(TaskerStack.WORKER);
        // Checked after the kill: with the worker gone, unfinished tasks cannot finish before this look.
        faults.assertSomeStillInFlight(batch);
        it.stack().start(TaskerStack.WORKER);

        faults.assertAllCompleteOnce(batch);
    }

    @Test
    void anOrchestrationRestartedMidRunLosesNoTaskAndRecordsNoResultTwice() {
        LinearBatch batch = faults.startedBatch();
        faults.assertSomeStillInFlight(batch);

        it.stack().restart(TaskerStack.ORCHESTRATION);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);

        faults.assertAllCompleteOnce(batch);
    }

    @Test
    void bothServicesAreNotReadyWhilePostgresIsDownThenReadyAndWorkResumes() {
        LinearBatch batch = faults.startedBatch();
        faults.assertSomeStillInFlight(batch);

        it.stack().stop(TaskerStack.POSTGRES);
        Map<String, RawJson.Answer> answers = Poll.of("both services to report not ready while postgres is stopped",
                        this::askWhileTheDatabaseIsDown)
                .describedBy(a -> a.get(WORKER_READY).status() + " from the worker's /health/ready, "
                        + a.get(READY).status() + " from the orchestration's: " + a)
                .until(a -> a.get(WORKER_READY).status() == 503 && a.get(READY).status() == 503, RECOVERY);
        assertTheOrchestrationSaysTheDatabaseIsUnreachable(answers);
        it.stack().start(TaskerStack.POSTGRES);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);

        faults.assertAllCompleteOnce(batch);
        LinearBatch after = LinearBatch.create(it.run(), 4, 4);
        after.assertCompleteWithExactResults(it.run().awaitTerminal(after.tasks(), RECOVERY));
    }

    /**
     * Frozen (docker pause) for a moment: it answers nothing while frozen, keeps its claims (shorter than the 30 s
     * without heartbeat after which the orchestration would void them), and finishes the batch when thawed.
     */
    @Test
    void aFrozenWorkerFinishesTheBatchOnceThawedAndRecordsNoResultTwice() {
        LinearBatch batch = faults.startedBatch();

        it.stack().pause(TaskerStack.WORKER);
        try {
            faults.assertSomeStillInFlight(batch);
            assertTheWorkerDoesNotAnswer("frozen");
        } finally {
            it.stack().unpause(TaskerStack.WORKER);
        }

        faults.assertAllCompleteOnce(batch);
    }

    /** Cut off the stack's network (a partition) and connected again: the batch completes, each step once. */
    @Test
    void aWorkerCutOffTheNetworkFinishesTheBatchOnceReconnected() {
        LinearBatch batch = faults.startedBatch();

        it.stack().disconnect(TaskerStack.WORKER);
        try {
            faults.assertSomeStillInFlight(batch);
            assertTheWorkerDoesNotAnswer("cut off the network");
        } finally {
            it.stack().reconnect(TaskerStack.WORKER);
        }
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);

        faults.assertAllCompleteOnce(batch);
    }

    private void assertTheWorkerDoesNotAnswer(String why) {
        URI ready = it.stack().workerUrl().resolve(READY);
        RawJson quick = new RawJson(ItTokens.ADMIN, Duration.ofSeconds(2));
        assertThatThrownBy(() -> quick.answer(ready)).as("the worker's %s while %s", READY, why)
                .isInstanceOf(UncheckedIOException.class);
    }

    private static final String READY = "/health/ready";
    private static final String WORKER_READY = "worker " + READY;

    /**
     * The orchestration's health and an API route, and the worker's readiness, asked at once: with the database
     * gone each answer waits out the pool's connection-acquisition timeout (2 s) first.
     */
    private Map<String, RawJson.Answer> askWhileTheDatabaseIsDown() {
        RawJson http = new RawJson(ItTokens.ADMIN, Duration.ofSeconds(30));
        URI orchestration = it.stack().orchestrationUrl();
        Map<String, Supplier<RawJson.Answer>> questions = new TreeMap<>();
        for (String path : List.of("/health/live", READY, "/health/detailed", "/v1/tasks")) {
            questions.put(path, () -> http.answer(orchestration.resolve(path)));
        }
        questions.put(WORKER_READY, () -> http.answer(it.stack().workerUrl().resolve(READY)));
        return atOnce(questions);
    }

    /** Live but not ready, the failing check named, and API calls answered 503 with the contract's error body. */
    private static void assertTheOrchestrationSaysTheDatabaseIsUnreachable(Map<String, RawJson.Answer> answers) {
        assertThat(answers.get("/health/live").status()).as("/health/live").isEqualTo(200);

        RawJson.Answer ready = answers.get(READY);
        assertThat(ready.body().findValuesAsText("name")).as("/health/ready checks: " + ready.body())
                .contains("Database connections health check");
        assertThat(ready.body().get("status").asText()).isEqualTo("DOWN");

        RawJson.Answer detailed = answers.get("/health/detailed");
        assertThat(detailed.status()).as("/health/detailed").isEqualTo(503);
        assertThat(detailed.body().path("status").asText()).as(detailed.body().toString()).isEqualTo("unhealthy");
        assertThat(detailed.body().path("checks").path("database").path("message").asText())
                .as(detailed.body().toString()).startsWith("not reachable");

        RawJson.Answer tasks = answers.get("/v1/tasks");
        assertThat(tasks.status()).as("GET /v1/tasks: " + tasks.body()).isEqualTo(503);
        assertThat(tasks.body().path("error").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    /** Every question asked on its own thread, the answers by name (each call bounds its own wait). */
    private static <T> Map<String, T> atOnce(Map<String, Supplier<T>> questions) {
        ExecutorService pool = Executors.newFixedThreadPool(questions.size());
        try {
            Map<String, CompletableFuture<T>> asked = new TreeMap<>();
            questions.forEach((name, question) -> asked.put(name, CompletableFuture.supplyAsync(question, pool)));
            Map<String, T> answers = new TreeMap<>();
            asked.forEach((name, answer) -> answers.put(name, answer.join()));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
