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
}
