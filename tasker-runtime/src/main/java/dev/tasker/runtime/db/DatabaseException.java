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

    /**
     * The database cannot serve now: unreachable (SQLSTATE class 08, or the pool cannot hand out a connection),
     * shutting down or starting (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now: a pooled
     * connection the server just terminated), or out of connections (53300). Answered 503, not 500.
     */
    public boolean isUnavailable() {
        String state = sqlState();
        return (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")))
                || getMessage() != null && getMessage().contains("Acquisition timeout");
    }

    /**
     * The request's own text is what PostgreSQL refused to store or compare: a NUL character (22021, which
     * {@code text} cannot hold, or 22P05, {@code \u0000} in {@code jsonb}). The caller's input, so a 400.
     */
    public boolean isUnstorableText() {
        String state = sqlState();
        return "22021".equals(state) || "22P05".equals(state);
    }

    /**
     * Worth trying again: the database is unavailable (above), or this transaction lost a deadlock or
     * serialization conflict (40P01, 40001) and changed nothing.
     */
    public boolean isTransient() {
        String state = sqlState();
        return isUnavailable() || "40P01".equals(state) || "40001".equals(state);
    }
}
