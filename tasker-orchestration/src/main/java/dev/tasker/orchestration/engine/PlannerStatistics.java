package dev.tasker.orchestration.engine;

import dev.tasker.runtime.db.AdvisoryLocks;
import dev.tasker.runtime.db.Db;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's planner statistics of the tables that grow with every task in step with their size: a table
 * that has doubled since it was last analyzed is analyzed again, by one orchestration replica at a time.
 *
 * <p>The hot path runs cached generic plans (migration V5), made from the statistics of the moment they were
 * planned. Autovacuum refreshes statistics at most once a minute per database and only after 10 % growth, so on a
 * fresh database the plans of the first minute are made for near-empty tables and stay that way: the worker's
 * claim then read every task in motion to find the few it was claiming (3 ms instead of 0.5 ms in a 2000-task
 * burst). An ANALYZE invalidates the plans that depend on the table, so each doubling re-plans them once. Doubling
 * keeps the count of analyzes logarithmic in the table's size; shrinking tables (the queue draining) keep plans
 * that remain right for fewer rows.
 */
@ApplicationScoped
public class PlannerStatistics {

    private static final Logger LOG = Logger.getLogger(PlannerStatistics.class);
    private static final long LOCK_KEY = 0x7461736b6573L; // "taskes": not the sweeper's key
    /** Below this many rows a table is not worth a plan of its own. */
    static final long MIN_ROWS = 100;
    /** The tables the hot path reads; the transition tables, only written there, are left to autovacuum. */
    static final List<String> TABLES = List.of("tasker_tasks", "tasker_workflow_steps", "tasker_workflow_step_edges",
            "tasker_queue_messages");

    private final Db db;
    private final Counter analyzed;

    public PlannerStatistics(Db db, MeterRegistry metrics) {
        this.db = db;
        this.analyzed = Counter.builder("tasker_planner_statistics_refreshed_total")
                .description("Tables analyzed because they had doubled since their last statistics").register(metrics);
    }

    @Scheduled(every = "${tasker.orchestration.statistics-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            List<String> tables = refresh();
            if (!tables.isEmpty()) {
                LOG.debugf("planner statistics refreshed: %s", tables);
            }
        } catch (RuntimeException e) {
            LOG.warnf("refreshing planner statistics failed: %s", e.getMessage());
        }
    }

    /** Analyzes the tables that have at least doubled since their last statistics; returns their names. */
    public List<String> refresh() {
        return db.inTransaction(c -> {
            if (!AdvisoryLocks.tryForTransaction(c, LOCK_KEY)) {
                return List.of();
            }
            List<String> grown = new ArrayList<>();
            // reltuples is -1 for a table never analyzed; n_live_tup is the statistics system's running count.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
                     WHERE s.schemaname = current_schema() AND s.relname = ANY (?)
                       AND s.n_live_tup >= ? AND s.n_live_tup > 2 * greatest(c.reltuples, 0)
                     ORDER BY s.relname""")) {
                ps.setArray(1, c.createArrayOf("text", TABLES.toArray()));
                ps.setLong(2, MIN_ROWS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        grown.add(rs.getString(1));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String table : grown) {
                    // Only names from TABLES get here: the query filters on them.
                    st.execute("ANALYZE " + table);
                    analyzed.increment();
                }
            }
            return grown;
        });
    }
}
