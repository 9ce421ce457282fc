package dev.tasker.runtime.db;

import java.sql.SQLException;

/** A database failure that the caller cannot fix: surfaces as 500 DATABASE_ERROR (or 503 when unreachable). */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public String sqlState() {
        return getCause() instanceof SQLException s ? s.getSQLState() : null;
    }

    /** SQLSTATE class 08 (connection exception) or a pool that cannot hand out connections. */
    public boolean isUnavailable() {
        String state = sqlState();
        return (state != null && state.startsWith("08")) || getMessage() != null
                && getMessage().contains("Acquisition timeout");
    }

    /**
     * Worth trying again: the database is unreachable or restarting (08, 57P01-57P03, 53300), or this
     * transaction lost a deadlock or serialization conflict (40P01, 40001) and changed nothing.
     */
    public boolean isTransient() {
        String state = sqlState();
        return isUnavailable() || state != null && (state.equals("40P01") || state.equals("40001")
                || state.startsWith("57P0") || state.equals("53300"));
    }
}
