package dev.tasker.runtime.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Transaction-scoped advisory locks: how replicas agree that one of them does a periodic job. */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Takes the lock for the rest of the current transaction if no other session holds it; never waits. */
    public static boolean tryForTransaction(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
