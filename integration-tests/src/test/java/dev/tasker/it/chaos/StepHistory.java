package dev.tasker.it.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A step as its row and its recorded transitions show it.
 *
 * @param claims       times a worker claimed it (entered in_progress)
 * @param completions  times a result was recorded (entered complete)
 * @param faultEnded   attempts ended by a fault, not by the handler: voided by the sweeper (worker lost, claim
 *                     expired) or reported as a step timeout (the worker was frozen past it)
 * @param failures     attempts that ended in a failure, whatever ended them
 */
record StepHistory(UUID step, UUID task, String name, String state, int attempts, int retryLimit, long claims,
        long completions, long faultEnded, long failures) {

    /** Failures the handler itself reported (not a fault). */
    long handlerFailures() {
        return failures - faultEnded;
    }

    static List<StepHistory> of(Connection c, Collection<UUID> tasks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.step_uuid, s.task_uuid, s.name, s.current_state::text, s.attempts, s.retry_limit,
                       count(t.id) FILTER (WHERE t.to_state = 'in_progress'),
                       count(t.id) FILTER (WHERE t.to_state = 'complete'),
                       count(t.id) FILTER (WHERE t.from_state = 'in_progress'
                                             AND t.to_state = 'enqueued_as_error_for_orchestration'
                                             AND (t.metadata ->> 'reason' IN ('worker lost', 'claim expired')
                                                  OR t.metadata ->> 'error_type' = 'step_timeout')),
                       count(t.id) FILTER (WHERE t.from_state = 'in_progress'
                                             AND t.to_state = 'enqueued_as_error_for_orchestration')
                  FROM tasker_workflow_steps s
                  LEFT JOIN tasker_workflow_step_transitions t
                         ON t.task_uuid = s.task_uuid AND t.step_uuid = s.step_uuid
                 WHERE s.task_uuid = ANY (?)
                 GROUP BY s.step_uuid""")) {
            Array ids = c.createArrayOf("uuid", tasks.toArray());
            ps.setArray(1, ids);
            List<StepHistory> steps = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StepHistory(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
            return steps;
        }
    }
}
