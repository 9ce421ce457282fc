package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The task-state rule of the database function {@code tasker_task_outcome} that every evaluation uses. */
@QuarkusTest
class TaskOutcomeTest {

    @Inject
    Db db;

    @ParameterizedTest(name = "total={0} done={1} resolved={2} failed={3} inFlight={4} retrying={5} -> {6}")
    @CsvSource({
        "4, 4, 0, 0, 0, 0, COMPLETE",
        "4, 4, 1, 0, 0, 0, RESOLVED_MANUALLY",
        "4, 1, 0, 1, 1, 0, BLOCKED_BY_FAILURES",
        "4, 1, 0, 1, 0, 0, ERROR",
        "4, 1, 0, 1, 0, 1, ERROR",
        "4, 1, 0, 0, 2, 1, STEPS_IN_PROCESS",
        "4, 1, 0, 0, 0, 1, WAITING_FOR_RETRY",
        "4, 1, 0, 0, 0, 0, WAITING_FOR_DEPENDENCIES",
        "0, 0, 0, 0, 0, 0, WAITING_FOR_DEPENDENCIES"})
    void stateFollowsTheStepCounts(int total, int done, int resolved, int failed, int inFlight, int retrying,
            TaskState expected) {
        String state = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tasker_task_outcome(?, ?, ?, ?, ?, ?)")) {
                int[] counts = {total, done, resolved, failed, inFlight, retrying};
                for (int i = 0; i < counts.length; i++) {
                    ps.setInt(i + 1, counts[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(TaskState.fromWire(state)).isEqualTo(expected);
    }
}
