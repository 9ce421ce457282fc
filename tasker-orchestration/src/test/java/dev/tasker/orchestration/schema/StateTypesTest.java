package dev.tasker.orchestration.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.runtime.db.Db;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schema's state types (V10) are the enums of tasker-shared: the same states, the same terminal set, and a
 * state nobody defined is refused by the database itself.
 */
@QuarkusTest
class StateTypesTest {

    private static final Pattern LITERAL = Pattern.compile("'([a-z_]+)'::text");

    @Inject
    Db db;

    private Set<String> domainValues(String domain) {
        String definition = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contypid = ?::regtype")) {
                ps.setString(1, domain);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        Set<String> values = new TreeSet<>();
        Matcher m = LITERAL.matcher(definition);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private boolean terminalInTheDatabase(String state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT tasker_task_is_terminal(?)")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    @Test
    void theDomainsHoldExactlyTheEnumsStates() {
        assertThat(domainValues("tasker_task_state")).isEqualTo(Arrays.stream(TaskState.values())
                .map(TaskState::wire).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(domainValues("tasker_step_state")).isEqualTo(Arrays.stream(StepState.values())
                .map(StepState::wire).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theTerminalSetIsTheSameInJavaAndInTheDatabase() {
        for (TaskState state : TaskState.values()) {
            assertThat(terminalInTheDatabase(state.wire())).as(state.wire()).isEqualTo(state.isTerminal());
        }
    }

    @Test
    void everyStateColumnHasItsTypeAndAnUndefinedStateIsRefused() {
        Set<String> columns = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT table_name || '.' || column_name || ' ' || domain_name FROM information_schema.columns
                     WHERE domain_name IN ('tasker_task_state', 'tasker_step_state')""")) {
                Set<String> found = new TreeSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
        assertThat(columns).containsExactlyInAnyOrder("tasker_tasks.status tasker_task_state",
                "tasker_task_transitions.from_state tasker_task_state",
                "tasker_task_transitions.to_state tasker_task_state",
                "tasker_workflow_steps.current_state tasker_step_state",
                "tasker_workflow_step_transitions.from_state tasker_step_state",
                "tasker_workflow_step_transitions.to_state tasker_step_state");

        assertThatThrownBy(() -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 'finished'::tasker_task_state")) {
                return ps.executeQuery().next();
            }
        })).hasStackTraceContaining("tasker_task_state");
        assertThatThrownBy(() -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 'done'::tasker_step_state")) {
                return ps.executeQuery().next();
            }
        })).hasStackTraceContaining("tasker_step_state");
    }
}
