package dev.tasker.orchestration.engine;

import dev.tasker.api.state.TaskState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Moves a task forward inside the caller's transaction (which holds the task's row lock): enqueues every step
 * that has become ready and records the task's new state. The rules are the database function
 * {@code tasker_evaluate_task} (migration V4), which workers call too when they apply a successful step, so
 * both sides decide alike.
 */
@ApplicationScoped
public class TaskEvaluator {

    private final MeterRegistry metrics;

    public TaskEvaluator(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** Returns the task's state after evaluation. {@code current} is the state read under the row lock. */
    public TaskState evaluate(Connection c, UUID taskUuid, String namespace, TaskState current, String cause)
            throws SQLException {
        TaskState next;
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM tasker_evaluate_task(?, ?, ?, ?)")) {
            ps.setObject(1, taskUuid);
            ps.setString(2, current.wire());
            ps.setString(3, namespace);
            ps.setString(4, cause);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = TaskState.fromWire(rs.getString(1));
            }
        }
        if (next != current && next.isTerminal()) {
            metrics.counter("tasker_tasks_finished_total", "status", next.wire()).increment();
        }
        return next;
    }
}
