package dev.tasker.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.testing.Poll;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.fixture.SecondWorker;
import dev.tasker.worker.fixture.StepRows;
import dev.tasker.worker.fixture.StepRows.Step;
import dev.tasker.worker.fixture.StepRows.Transition;
import dev.tasker.worker.fixture.TaskFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two workers on one database (the application's consumer and a second one with its own id) compete for the
 * same queues, and every step's message is there twice, side by side (as when a visibility timeout passes while a
 * worker still runs the step), so two claims of one step race each other. Each step must still run exactly once:
 * the claim is one atomic enqueued -> in_progress update, and the losing copy is dropped.
 */
@QuarkusTest
class ConcurrentClaimTest {

    private static final String SECOND_WORKER = "contention-worker-2";
    private static final int TASKS_PER_WORKFLOW = 25;
    /** Namespace and name of each test workflow (src/test/resources); each has one root step squaring its input. */
    private static final List<List<String>> WORKFLOWS = List.of(
            List.of("chain", "four_steps"),
            List.of("diamond", "fan_out_fan_in"),
            List.of("tree", "two_levels"),
            List.of("mixed_dag", "crossing_branches"));

    @Inject
    WorkerConfig config;
    @Inject
    TaskFixture fixture;
    @Inject
    StepRows rows;
    @Inject
    SecondWorker secondWorker;

    @Test
    void twoConsumersRunEveryStepExactlyOnce() {
        StepConsumer second = secondWorker.consumer(secondWorker.config(SECOND_WORKER));
        second.start();
        try {
            List<UUID> tasks = new ArrayList<>();
            Map<UUID, Integer> evenNumbers = new HashMap<>();
            for (List<String> workflow : WORKFLOWS) {
                List<Integer> numbers = evenNumbers();
                List<UUID> created = fixture.createDeliveringTwice(workflow.get(0), workflow.get(1), numbers.stream()
                        .map(n -> (JsonNode) JsonNodeFactory.instance.objectNode().put("even_number", n)).toList());
                for (int i = 0; i < created.size(); i++) {
                    evenNumbers.put(created.get(i), numbers.get(i));
                }
                tasks.addAll(created);
            }

            // Workers apply successes themselves, so every task runs to the end without an orchestration.
            Poll.of("every task complete", () -> rows.taskStatuses(tasks)).until(
                    statuses -> statuses.size() == tasks.size() && statuses.stream().allMatch("complete"::equals),
                    Duration.ofSeconds(60));
            List<Step> roots = rows.rootSteps(tasks);
            // The duplicates find their step no longer enqueued and are dropped without running anything. Well within
            // the 30 s visibility timeout: a message a report failed to remove would sit out that timeout invisible.
            Poll.of("duplicate messages discarded", () -> rows.stepMessages(tasks))
                    .until(List::isEmpty, Duration.ofSeconds(10));

            assertThat(roots).hasSize(tasks.size());
            for (Step step : roots) {
                assertThat(step.attempts()).as("attempts of %s", step.stepUuid()).isEqualTo(1);
                BigInteger n = BigInteger.valueOf(evenNumbers.get(step.taskUuid()));
                assertThat(step.results().get("result").bigIntegerValue()).as(step.name()).isEqualTo(n.pow(2));
                assertThat(rows.transitions(step.stepUuid())).extracting(Transition::to).as(step.name())
                        .containsExactly("enqueued", "in_progress", "complete");
            }
            assertThat(rows.resultMessages(tasks)).as("results-queue messages (successes need no orchestration hop)")
                    .isEmpty();
            // Both workers took part, or this test would prove nothing about contention.
            assertThat(workersThatClaimed(roots)).containsExactlyInAnyOrder(config.worker().id(), SECOND_WORKER);
        } finally {
            second.stop(Duration.ofSeconds(5));
        }
    }

    /** even_number 2, 4, 6, ...: each task its own input, so a result given to the wrong step shows. */
    private static List<Integer> evenNumbers() {
        return IntStream.range(0, TASKS_PER_WORKFLOW).mapToObj(i -> 2 + 2 * i).toList();
    }

    private Set<String> workersThatClaimed(List<Step> steps) {
        return steps.stream().flatMap(s -> rows.transitions(s.stepUuid()).stream())
                .filter(t -> t.to().equals("in_progress"))
                .map(t -> t.metadata().get("worker_id").asText())
                .collect(Collectors.toSet());
    }
}
