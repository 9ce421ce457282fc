package dev.tasker.orchestration.health;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.health.DetailedGroup;
import dev.tasker.runtime.health.QueriesTheDatabase;
import dev.tasker.runtime.queue.PgQueue;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Results waiting long to be applied mean the orchestration falls behind (degraded, not down: no readiness). */
@HealthGroup(DetailedGroup.NAME)
@QueriesTheDatabase(ResultsBacklogCheck.NAME)
@ApplicationScoped
public class ResultsBacklogCheck implements HealthCheck {

    static final String NAME = "results_backlog";
    static final long MAX_AGE_SECONDS = 30;

    private final Db db;

    public ResultsBacklogCheck(Db db) {
        this.db = db;
    }

    @Override
    public HealthCheckResponse call() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(visible_at)), 0)
                      FROM tasker_queue_messages WHERE queue = ? AND visible_at <= clock_timestamp()""")) {
                ps.setString(1, PgQueue.RESULTS_QUEUE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long waiting = rs.getLong(1);
                    long age = (long) rs.getDouble(2);
                    return DetailedGroup.outcome(NAME, age <= MAX_AGE_SECONDS,
                            waiting + " results waiting, oldest " + age + " s").build();
                }
            }
        });
    }
}
