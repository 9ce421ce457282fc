package dev.tasker.it;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.testing.TaskerStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every state change recorded in the stack's database, as distinct moves with how often each was made, and
 * whether the documented state machine allows it ({@link TaskState#canTransitionTo}, {@link StepState#canTransitionTo};
 * a first transition enters one of {@link TaskState#INITIAL}, {@link StepState#INITIAL}).
 */
public final class RecordedMoves {

    private RecordedMoves() {
    }

    /** One distinct move and how often the stack made it. */
    public record Move(String subject, String from, String to, long count) {

        public boolean allowed() {
            if (from == null) {
                return "task".equals(subject) ? TaskState.INITIAL.contains(TaskState.fromWire(to))
                        : StepState.INITIAL.contains(StepState.fromWire(to));
            }
            return "task".equals(subject) ? TaskState.fromWire(from).canTransitionTo(TaskState.fromWire(to))
                    : StepState.fromWire(from).canTransitionTo(StepState.fromWire(to));
        }

        @Override
        public String toString() {
            return subject + " " + from + " -> " + to + " (" + count + "x)";
        }
    }

    public static List<Move> of(TaskerStack stack) throws SQLException {
        try (Connection c = StackDatabase.open(stack);
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
}
