package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.Scenario;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failed attempts are retried per the template's policy, after an exponential, jittered backoff. */
@QuarkusTest
class RetryTest {

    @Inject
    Fixture fx;

    Scenario s;

    @BeforeEach
    void setUp() {
        s = fx.scenario("retry", "retry-test-worker");
    }

    @Test
    void retriesWithGrowingBackoffThenFailsWhenTheLimitIsReached() {
        fx.templates().register(TestTemplates.single(s.ns(), "flaky", new RetryPolicy(true, 3, 300L, 2000L), 30));
        UUID task = s.api().create(s.ns(), "flaky", JsonNodeFactory.instance.objectNode()).taskUuid();

        for (int attempt = 1; attempt <= 3; attempt++) {
            TestWorker.Claim claim = s.awaitClaim();
            assertThat(claim.step().attempt()).isEqualTo(attempt);
            assertThat(s.worker().fail(claim, "transient", "attempt " + attempt + " failed", true)).isTrue();
            if (attempt < 3) {
                StepResponse waiting = Poll.of("step waiting for retry", () -> onlyStep(task)).until(
                        step -> step.currentState() == StepState.WAITING_FOR_RETRY
                                || step.currentState() == StepState.ENQUEUED,
                        Duration.ofSeconds(5));
                long ceiling = Backoff.ceilingMillis(attempt, 300, 2000);
                long backoff = backoffOf(task, attempt);
                assertThat(backoff).as("backoff after attempt " + attempt).isBetween(ceiling / 2, ceiling);
                assertThat(waiting.attempts()).isEqualTo(attempt);
            }
        }
        TaskResponse failed = s.api().awaitState(task, TaskState.ERROR, Duration.ofSeconds(10));
        StepResponse step = failed.steps().get(0);
        assertThat(step.currentState()).isEqualTo(StepState.ERROR);
        assertThat(step.attempts()).isEqualTo(3);
        assertThat(step.error().errorType()).isEqualTo("transient");
        assertThat(step.error().message()).isEqualTo("attempt 3 failed");

        List<TransitionResponse> history = s.api().transitions(task);
        assertThat(history).filteredOn(t -> "in_progress".equals(t.toState())).hasSize(3);
        assertThat(history).filteredOn(t -> t.stepName() != null && "waiting_for_retry".equals(t.toState()))
                .hasSize(2);
        // No attempt starts before its backoff has passed.
        List<TransitionResponse> stepMoves = history.stream().filter(t -> t.stepName() != null).toList();
        for (int i = 0; i < stepMoves.size(); i++) {
            TransitionResponse t = stepMoves.get(i);
            if ("waiting_for_retry".equals(t.toState())) {
                Instant retryAt = Instant.parse(t.metadata().get("next_retry_at").asText().replace(" ", "T"));
                TransitionResponse nextStart = stepMoves.subList(i, stepMoves.size()).stream()
                        .filter(n -> "in_progress".equals(n.toState())).findFirst().orElseThrow();
                assertThat(nextStart.at()).isAfterOrEqualTo(retryAt);
            }
        }
        assertThat(history.get(history.size() - 1).toState()).isEqualTo("error");
    }

    @Test
    void aTaskWaitsForRetryWhileTheBackoffRuns() {
        fx.templates().register(TestTemplates.single(s.ns(), "slow_retry", new RetryPolicy(true, 2, 3000L, 3000L), 30));
        UUID task = s.api().create(s.ns(), "slow_retry", JsonNodeFactory.instance.objectNode()).taskUuid();
        s.worker().fail(s.awaitClaim(), "transient", "try later", true);
        TaskResponse waiting = s.api().awaitState(task, TaskState.WAITING_FOR_RETRY, Duration.ofSeconds(5));
        StepResponse step = waiting.steps().get(0);
        assertThat(step.currentState()).isEqualTo(StepState.WAITING_FOR_RETRY);
        assertThat(step.nextRetryAt()).isAfter(Instant.now().plusMillis(500));
        assertThat(s.worker().claimVisible(s.ns())).isEmpty();
        TestWorker.Claim second = s.awaitClaim();
        assertThat(second.step().attempt()).isEqualTo(2);
        s.worker().succeed(second, JsonNodeFactory.instance.objectNode().put("ok", true));
        TaskResponse done = s.api().awaitState(task, TaskState.COMPLETE, Duration.ofSeconds(5));
        assertThat(done.steps().get(0).results().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aNonRetryableErrorFailsAtOnce() {
        fx.templates().register(TestTemplates.single(s.ns(), "fragile", new RetryPolicy(true, 5, 10L, 10L), 30));
        UUID task = s.api().create(s.ns(), "fragile", JsonNodeFactory.instance.objectNode()).taskUuid();
        s.worker().fail(s.awaitClaim(), "validation_error", "bad input", false);
        TaskResponse failed = s.api().awaitState(task, TaskState.ERROR, Duration.ofSeconds(5));
        assertThat(failed.steps().get(0).attempts()).isEqualTo(1);
        assertThat(failed.steps().get(0).error().retryable()).isFalse();
    }

    @Test
    void aStepTheTemplateMarksNotRetryableFailsAtOnceEvenOnARetryableError() {
        fx.templates().register(TestTemplates.single(s.ns(), "once", new RetryPolicy(false, 3, 10L, 10L), 30));
        UUID task = s.api().create(s.ns(), "once", JsonNodeFactory.instance.objectNode()).taskUuid();
        s.worker().fail(s.awaitClaim(), "transient", "flaky", true);
        assertThat(s.api().awaitState(task, TaskState.ERROR, Duration.ofSeconds(5)).steps().get(0).attempts())
                .isEqualTo(1);
    }

    private StepResponse onlyStep(UUID task) {
        return s.api().get(task).steps().get(0);
    }

    private long backoffOf(UUID task, int attempts) {
        return s.api().transitions(task).stream()
                .filter(t -> t.stepName() != null && "waiting_for_retry".equals(t.toState())
                        && t.metadata().get("attempts").asInt() == attempts)
                .findFirst().orElseThrow().metadata().get("backoff_ms").asLong();
    }

}
