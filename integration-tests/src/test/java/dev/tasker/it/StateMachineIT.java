package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every state change the whole run recorded, in the database of the stack all classes shared, is a move the
 * documented state machine allows ({@link TaskState#canTransitionTo}, {@link StepState#canTransitionTo}; a first
 * transition enters one of {@link TaskState#INITIAL}, {@link StepState#INITIAL}). Runs last, after the workflow, failure, retry, two-worker and fault tests
 * have written their histories.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class StateMachineIT {

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    /** One distinct move and how often the run made it. */
    record Move(String subject, String from, String to, long count) {

        boolean allowed() {
            if (from == null) {
                return "task".equals(subject) ? TaskState.INITIAL.contains(TaskState.fromWire(to))
                        : StepState.INITIAL.contains(StepState.fromWire(to));
            }
            return "task".equals(subject) ? TaskState.fromWire(from).canTransitionTo(TaskState.fromWire(to))
                    : StepState.fromWire(from).canTransitionTo(StepState.fromWire(to));
        }
    }

    private List<Move> recordedMoves() throws SQLException {
        try (Connection c = StackDatabase.open(it.stack());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT 'task', from_state, to_state, count(*) FROM tasker_task_transitions GROUP BY 2, 3
                        UNION ALL
                        SELECT 'step', from_state, to_state, count(*) FROM tasker_workflow_step_transitions
                         GROUP BY 2, 3
                        ORDER BY 1, 2 NULLS FIRST, 3""")) {
            List<Move> moves = new ArrayList<>();
            while (rs.next()) {
                moves.add(new Move(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
            return moves;
        }
    }

    @Test
    void everyRecordedTransitionIsAllowedByTheStateMachine() throws SQLException {
        List<Move> moves = recordedMoves();

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
