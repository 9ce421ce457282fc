package dev.tasker.worker.consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.testing.Poll;
import dev.tasker.worker.fixture.StepRows;
import dev.tasker.worker.fixture.StepRows.Step;
import dev.tasker.worker.fixture.StepRows.Transition;
import dev.tasker.worker.fixture.TaskFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * timeout/sleep_two_second_limit (src/test/resources) has timeout_seconds 2. A step told to sleep 10 s must be
 * interrupted at its deadline and reported as a retryable step_timeout, long before the sleep would have ended on
 * its own.
 */
@QuarkusTest
class StepTimeoutTest {

    private static final Duration TEMPLATE_TIMEOUT = Duration.ofSeconds(2);

    @Inject
    TaskFixture fixture;
    @Inject
    StepRows rows;
    @Inject
    MeterRegistry metrics;

    @Test
    void aStepPastItsTimeoutIsInterruptedAndFailsAsATimeout() {
        double timeoutsBefore = timeouts();
        long start = System.nanoTime();
        UUID task = fixture.create("timeout", "sleep_two_second_limit",
                JsonNodeFactory.instance.objectNode().put("sleep_ms", 10_000));

        Step step = Poll.of("sleep_step reported as failed", () -> rows.rootStep(task))
                .until(s -> s.state().equals("enqueued_as_error_for_orchestration"), Duration.ofSeconds(9));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // Not before the deadline (it is the timeout that ended it), and well before the 10 s sleep would end.
        assertThat(elapsed).isGreaterThanOrEqualTo(TEMPLATE_TIMEOUT).isLessThan(Duration.ofSeconds(6));
        assertThat(step.attempts()).isEqualTo(1);
        assertThat(step.results()).isNull();
        assertThat(step.error().get("error_type").asText()).isEqualTo("step_timeout");
        assertThat(step.error().get("retryable").asBoolean()).isTrue();
        assertThat(step.error().get("message").asText()).contains("timeout of 2 s");
        List<Transition> transitions = rows.transitions(step.stepUuid());
        assertThat(transitions).extracting(Transition::to)
                .containsExactly("enqueued", "in_progress", "enqueued_as_error_for_orchestration");
        assertThat(transitions.get(2).metadata().get("error_type").asText()).isEqualTo("step_timeout");
        // The orchestration hears about it once, and the step's message is gone with the report.
        assertThat(rows.resultMessages(List.of(task))).singleElement()
                .satisfies(m -> assertThat(m.stepUuid()).isEqualTo(step.stepUuid()));
        assertThat(rows.stepMessages(List.of(task))).isEmpty();
        // Counted under its own outcome (the counter is bumped just after the report, hence the poll).
        Poll.of("the timeout counted", this::timeouts).until(n -> n == timeoutsBefore + 1, Duration.ofSeconds(5));
        assertThat(given().get("/metrics").then().statusCode(200).extract().asString())
                .contains("tasker_worker_steps_total{outcome=\"timeout\"}");
    }

    private double timeouts() {
        return metrics.counter("tasker_worker_steps_total", "outcome", "timeout").count();
    }
}
