package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskStates;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retention in the compose stack, which runs it every 2 s with a max-age of 1 h (compose-devservices.yml): a
 * finished task aged past that by SQL disappears from the API; an unfinished task aged alike stays as it was.
 */
@QuarkusTest
class RetentionIT {

    private static final Duration FINISH = Duration.ofSeconds(60);
    /** Many runs of the 2 s schedule, each a few statements. */
    private static final Duration PURGED_WITHIN = Duration.ofSeconds(30);
    /** Past the stack's max-age of 1 h. */
    private static final Duration AGE = Duration.ofHours(2);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void aFinishedTaskPastMaxAgeIsDeletedAndAnUnfinishedOneIsKept() throws SQLException {
        UUID finished = it.run().create(Template.LINEAR.namespace(), Template.LINEAR.name(), Contexts.evenNumber(2))
                .taskUuid();
        TaskResponse done = it.run().awaitTerminal(finished, FINISH);
        assertThat(done.status()).as(TaskStates.describe(done)).isEqualTo(TaskState.COMPLETE);
        // No worker of the stack serves this namespace: the task's step stays enqueued and the task unfinished.
        String namespace = "retention_" + it.run().id().replace('-', '_');
        it.stack().orchestration().registerTemplate(unserved(namespace));
        UUID unfinished = it.run().create(namespace, "unserved", Contexts.none()).taskUuid();
        try {
            try (Connection db = StackDatabase.open(it.stack())) {
                backdate(db, finished);
                backdate(db, unfinished);
            }

            Poll.of("retention to delete task " + finished, () -> found(finished))
                    .until(present -> !present, PURGED_WITHIN);

            assertThatThrownBy(() -> it.stack().orchestration().getTask(finished))
                    .isInstanceOfSatisfying(NotFoundException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("NOT_FOUND");
                        assertThat(e.getMessage()).contains("task " + finished + " not found");
                    });
            TaskResponse kept = it.stack().orchestration().getTask(unfinished);
            assertThat(kept.status()).as(TaskStates.describe(kept)).isEqualTo(TaskState.STEPS_IN_PROCESS);
            assertThat(kept.steps()).extracting(s -> s.currentState()).containsExactly(StepState.ENQUEUED);
            assertThat(kept.createdAt()).as("the kept task is as old as the deleted one")
                    .isBefore(Instant.now().minus(Duration.ofHours(1)));
        } finally {
            it.stack().orchestration().cancelTask(unfinished);
        }
    }

    private boolean found(UUID task) {
        try {
            it.stack().orchestration().getTask(task);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static TaskTemplate unserved(String namespace) {
        return new TaskTemplate(namespace, "unserved", "1.0.0", "a step no worker of the stack runs",
                JsonNodeFactory.instance.objectNode(), List.of(new StepTemplate("only_step", null, "retention.only",
                        List.of(), new RetryPolicy(true, 1, 0L, 0L), 30, null)));
    }

    /** Every timestamp of the task {@link #AGE} into the past; completed_at only where it is set. */
    private static void backdate(Connection db, UUID task) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("""
                UPDATE tasker_tasks SET created_at = clock_timestamp() - ? * interval '1 millisecond',
                                        updated_at = clock_timestamp() - ? * interval '1 millisecond',
                                        completed_at = CASE WHEN completed_at IS NOT NULL
                                                            THEN clock_timestamp() - ? * interval '1 millisecond' END
                 WHERE task_uuid = ?""")) {
            for (int i = 1; i <= 3; i++) {
                ps.setLong(i, AGE.toMillis());
            }
            ps.setObject(4, task);
            assertThat(ps.executeUpdate()).as("tasks backdated").isEqualTo(1);
        }
    }
}
