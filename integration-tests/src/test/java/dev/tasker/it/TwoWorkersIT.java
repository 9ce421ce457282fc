package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.task.TransitionResponse;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import dev.tasker.testing.Transitions;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A second worker, started from the compose file's optional {@code two-workers} profile only for this test:
 * both workers consume the same queues, and every step still runs exactly once. Runs after the plain tests and
 * before the fault tests, and leaves the stack as they expect it: one worker, fresh.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 2)
class TwoWorkersIT {

    private static final String PROFILE = "two-workers";
    private static final String SECOND = "worker-2";
    private static final String SECOND_ID = "java-integration-worker-2";
    /** The file Dev Services started (quarkus.compose.devservices.files, relative to this module). */
    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("basedir", "."), "..", "compose-devservices.yml").normalize();
    private static final Duration FINISH = Duration.ofMinutes(2);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    /** Removes the second worker (it deregisters as it stops) and leaves the stack ready for the fault tests. */
    @AfterEach
    void leaveOneWorker() {
        it.stack().project().remove(SECOND);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
    }

    @Test
    void twoWorkersShareTheWorkAndRunEachStepOnce() {
        it.stack().project().startProfileService(COMPOSE_FILE, PROFILE, SECOND);
        Poll.of(SECOND_ID + " to register as active", () -> it.stack().registryStatus(SECOND_ID))
                .every(Duration.ofSeconds(1)).until("active"::equals, TaskerStack.READY_TIMEOUT);

        // Paced (20 ms a step), so that one worker cannot run the whole batch before the other claims its share.
        LinearBatch batch = LinearBatch.create(it.run(), Template.PACED_LINEAR, 60, 16);

        batch.assertCompleteWithExactResults(it.run().awaitTerminal(batch.tasks(), FINISH));
        Map<UUID, List<TransitionResponse>> histories = batch.histories(it.stack().orchestration());
        assertThat(Transitions.stepsEntering(histories, Transitions.CLAIMED))
                .as("claims per step of each task, with two workers consuming the same queues")
                .isEqualTo(batch.eachStepOnce());
        assertThat(Transitions.claimingWorkers(histories)).as("workers that claimed steps of the batch")
                .containsExactlyInAnyOrder(TaskerStack.WORKER_ID, SECOND_ID);
    }
}
