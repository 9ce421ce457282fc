package dev.tasker.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.testing.Poll;
import dev.tasker.worker.fixture.SecondWorker;
import dev.tasker.worker.fixture.SleepHandler;
import dev.tasker.worker.fixture.StepRows;
import dev.tasker.worker.fixture.TaskFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A busy worker slot takes its next step from the queue in the report of the step it finished, not in a claim of
 * its own: with one slot and five one-step tasks queued at once, the dispatcher claims the first and each report
 * takes the next, so four of the five are taken at a report.
 */
@QuarkusTest
class TakenAtReportTest {

    private static final String NAMESPACE = "taken_at_report";
    private static final int TASKS = 5;

    @Inject
    TaskFixture fixture;
    @Inject
    StepRows rows;
    @Inject
    SecondWorker secondWorker;
    @Inject
    MeterRegistry metrics;

    @Test
    void eachReportOfABusySlotTakesTheNextQueuedStep() {
        // A namespace only this test's consumer serves, so the application's consumer cannot take a step.
        fixture.register(new TaskTemplate(NAMESPACE, "one_step", "1.0.0", "One short step", null,
                List.of(new StepTemplate("only_step", "Sleeps sleep_ms", SleepHandler.NAME, List.of(),
                        new RetryPolicy(true, 1, 100L, 1000L), 30, null))));
        ObjectNode context = JsonNodeFactory.instance.objectNode().put("sleep_ms", 1);
        List<UUID> tasks = fixture.create(NAMESPACE, "one_step", Collections.nCopies(TASKS, context));
        double before = takenAtReport();

        StepConsumer consumer = secondWorker.consumer(
                secondWorker.config("taken-at-report-worker").withNamespaces(NAMESPACE).withConcurrency(1));
        consumer.start();
        try {
            Poll.of("all " + TASKS + " tasks complete", () -> rows.taskStatuses(tasks))
                    .until(s -> s.size() == TASKS && s.stream().allMatch("complete"::equals), Duration.ofSeconds(20));
        } finally {
            consumer.stop(Duration.ofSeconds(1));
        }

        assertThat(takenAtReport() - before).isEqualTo(TASKS - 1);
        assertThat(rows.stepMessages(tasks)).isEmpty();
    }

    private double takenAtReport() {
        return metrics.counter("tasker_worker_steps_taken_at_report_total").count();
    }
}
