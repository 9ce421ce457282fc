package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every state change the whole run recorded, in the database of the stack all classes shared, is a move the
 * documented state machine allows ({@link RecordedMoves}). Runs last, after the workflow, failure, retry,
 * two-worker and fault tests have written their histories.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class StateMachineIT {

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void everyRecordedTransitionIsAllowedByTheStateMachine() throws SQLException {
        List<RecordedMoves.Move> moves = RecordedMoves.of(it.stack());

        assertThat(moves).as("the run recorded the moves of a successful and of a failed, retried step")
                .extracting(m -> m.subject() + " " + m.from() + " -> " + m.to())
                .contains("task null -> steps_in_process", "task steps_in_process -> complete",
                        "step null -> pending", "step null -> enqueued", "step pending -> enqueued",
                        "step enqueued -> in_progress", "step in_progress -> complete",
                        "step enqueued_as_error_for_orchestration -> waiting_for_retry",
                        "step enqueued_as_error_for_orchestration -> error");
        assertThat(moves).as("moves the state machine does not allow, with how often they were recorded")
                .filteredOn(m -> !m.allowed()).isEmpty();
    }
}
