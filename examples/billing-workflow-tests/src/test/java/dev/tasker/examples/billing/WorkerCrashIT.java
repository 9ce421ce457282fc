package dev.tasker.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import dev.tasker.testing.Transitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** This worker killed (SIGKILL) with invoices in flight: once it is back, every invoice is issued exactly once. */
class WorkerCrashIT {

    private static final int BEFORE = 20;
    private static final int WHILE_DOWN = 10;

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void everyInvoiceIsIssuedOnceAfterTheWorkerCrashes() {
        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            tasks.add(it.run().create("billing", "invoice", Orders.german()).taskUuid());
        }
        it.stack().kill(TaskerStack.WORKER);
        // Created while no worker runs: they wait in the queue for the worker's next incarnation.
        for (int i = 0; i < WHILE_DOWN; i++) {
            tasks.add(it.run().create("billing", "invoice", Orders.german()).taskUuid());
        }
        it.stack().start(TaskerStack.WORKER);

        List<TaskResponse> done = it.run().awaitTerminal(tasks, Duration.ofSeconds(120));

        assertThat(done).extracting(TaskResponse::status).containsOnly(TaskState.COMPLETE);
        Map<UUID, List<TransitionResponse>> histories = new TreeMap<>();
        tasks.forEach(t -> histories.put(t, it.stack().orchestration().transitions(t)));
        Map<String, Long> once = Map.of("validate_order", 1L, "compute_totals", 1L, "issue_invoice", 1L);
        assertThat(Transitions.stepsEntering(histories, Transitions.COMPLETE)).allSatisfy((task, steps) ->
                assertThat(steps).as("completions of each step of task %s", task).isEqualTo(once));
        assertThat(done).allSatisfy(t -> assertThat(t.step("issue_invoice").orElseThrow().results()
                .get("total").decimalValue()).isEqualByComparingTo("77.31"));
    }
}
