package dev.tasker.worker.consumer;

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
 * A success that makes exactly one step ready hands that step to the same worker in the same statement (no queue
 * message); a fan-out queues all its steps, so they can run in parallel.
 */
@QuarkusTest
class ContinuedStepsTest {

    @Inject
    TaskFixture fixture;
    @Inject
    StepRows rows;
    @Inject
    MeterRegistry metrics;

    @Test
    void aLinearTaskRunsOnWithoutTheQueueAndAFanOutGoesThroughIt() {
        double before = continued();
        UUID linear = fixture.create("chain", "four_steps",
                JsonNodeFactory.instance.objectNode().put("even_number", 6));
        awaitComplete(linear);
        // Steps 2, 3 and 4 each followed the previous one's report on the same worker.
        assertThat(continued() - before).isEqualTo(3);

        double beforeDiamond = continued();
        UUID diamond = fixture.create("diamond", "fan_out_fan_in",
                JsonNodeFactory.instance.objectNode().put("even_number", 6));
        awaitComplete(diamond);
        // The start's result readies both branches (queued); the second branch's result readies the end alone.
        assertThat(continued() - beforeDiamond).isEqualTo(1);
        Step start = rows.rootStep(diamond);
        assertThat(rows.transitions(start.stepUuid())).extracting(Transition::to)
                .containsExactly("enqueued", "in_progress", "complete");
        assertThat(rows.stepMessages(List.of(linear, diamond))).isEmpty();
        assertThat(rows.resultMessages(List.of(linear, diamond))).isEmpty();
    }

    private void awaitComplete(UUID task) {
        Poll.of("task " + task + " complete", () -> rows.taskStatuses(List.of(task)))
                .until(s -> s.equals(List.of("complete")), Duration.ofSeconds(20));
    }

    private double continued() {
        return metrics.counter("tasker_worker_steps_continued_total").count();
    }
}
