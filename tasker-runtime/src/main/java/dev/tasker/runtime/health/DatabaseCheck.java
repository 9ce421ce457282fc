package dev.tasker.runtime.health;

import dev.tasker.runtime.db.Db;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.Statement;

@ApplicationScoped
public class DatabaseCheck implements DetailedCheck {

    public static final String NAME = "database";

    private final Db db;

    public DatabaseCheck(Db db) {
        this.db = db;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Result run() {
        try {
            String version = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            return Result.pass("PostgreSQL " + version + " answers");
        } catch (RuntimeException e) {
            return Result.fail("not reachable: " + e.getMessage());
        }
    }
}
