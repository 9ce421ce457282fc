package dev.tasker.runtime.health;

import dev.tasker.runtime.db.Db;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The database answering, with its version. Only in the detailed group: readiness has the datasource's own check,
 * which needs no query.
 */
@HealthGroup(DetailedGroup.NAME)
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    public static final String NAME = "database";

    private final Db db;

    public DatabaseCheck(Db db) {
        this.db = db;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String version = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            return DetailedGroup.outcome(NAME, true, "PostgreSQL " + version + " answers").build();
        } catch (RuntimeException e) {
            return DetailedGroup.outcome(NAME, false, "not reachable: " + e.getMessage()).build();
        }
    }
}
