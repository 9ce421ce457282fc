package dev.tasker.orchestration.health;

import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.health.DetailedCheck;
import dev.tasker.runtime.queue.PgQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Results waiting long to be applied mean the orchestration falls behind (degraded, not down). */
@ApplicationScoped
public class ResultsBacklogCheck implements DetailedCheck {

    static final long MAX_AGE_SECONDS = 30;

    private final Db db;

    public ResultsBacklogCheck(Db db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "results_backlog";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public boolean needsDatabase() {
        return true;
    }

    @Override
    public Result run() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(visible_at)), 0)
                      FROM tasker_queue_messages WHERE queue = ? AND visible_at <= clock_timestamp()""")) {
                ps.setString(1, PgQueue.RESULTS_QUEUE);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long waiting = rs.getLong(1);
                    long age = (long) rs.getDouble(2);
                    String message = waiting + " results waiting, oldest " + age + " s";
                    return age <= MAX_AGE_SECONDS ? Result.pass(message) : Result.fail(message);
                }
            }
        });
    }
}
