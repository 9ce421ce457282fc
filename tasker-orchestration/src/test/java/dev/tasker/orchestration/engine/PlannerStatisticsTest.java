package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.orchestration.support.Fixture;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A table that has doubled since its last statistics gets new ones (so the cached plans of the hot path are made
 * again for its size), and one that has not is left alone. Autovacuum is off for the table during the test, so
 * only the orchestration can have analyzed it.
 */
@QuarkusTest
class PlannerStatisticsTest {

    static final String TABLE = "tasker_queue_messages";
    static final String QUEUE = "planner_statistics_test_queue";

    @Inject
    Fixture fx;

    @Inject
    PlannerStatistics statistics;

    @Test
    void aTableThatDoubledIsAnalyzedAndOneThatDidNotIsLeftAlone() {
        execute("ALTER TABLE " + TABLE + " SET (autovacuum_enabled = false)");
        try {
            long known = Math.max(0, (long) plannerRows());
            long added = Math.max(2 * known, PlannerStatistics.MIN_ROWS) + 50;
            execute("INSERT INTO " + TABLE + " (queue, message) SELECT '" + QUEUE + "', '{}'::jsonb"
                    + " FROM generate_series(1, " + added + ")");
            // The statistics system counts the new rows once this session reports them; make that the next thing.
            execute("SELECT pg_stat_force_next_flush()");

            // The scheduled job may get there first; either way the statistics must come to count the new rows.
            double rows = Poll.of(TABLE + "'s statistics counting the " + added + " new rows", () -> {
                statistics.refresh();
                return plannerRows();
            }).until(r -> r >= added, Duration.ofSeconds(15));
            assertThat(rows).isGreaterThanOrEqualTo(added);

            assertThat(statistics.refresh()).as("nothing has doubled since").doesNotContain(TABLE);
        } finally {
            execute("DELETE FROM " + TABLE + " WHERE queue = '" + QUEUE + "'");
            execute("ALTER TABLE " + TABLE + " RESET (autovacuum_enabled)");
        }
    }

    /** The planner's row count of the table (-1 before its first statistics). */
    private double plannerRows() {
        return fx.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = ?::regclass")) {
                ps.setString(1, TABLE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
    }

    private void execute(String sql) {
        fx.db().read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
                return null;
            }
        });
    }
}
