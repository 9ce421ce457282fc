package dev.tasker.runtime.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain JDBC transactions on the service's pool: one connection, commit on success, roll back on any failure.
 * <p>
 * Every connection it hands out waits at most {@code tasker.db.network-timeout} (30 s) for an answer of the
 * database. A request sent just as the network dropped stays unacknowledged, and TCP retransmits it for about 15
 * minutes (keepalive probes only watch idle connections): the chaos soak found a worker whose heartbeat hung so,
 * stale for good once its network was back. No statement of ours runs near 30 s; Flyway's migrations, which may
 * build an index for minutes, take their connections from the pool directly and keep no such limit.
 */
@ApplicationScoped
public class Db {

    /** setNetworkTimeout wants an executor to abort with; PgJDBC ignores it and fails the blocked read itself. */
    private static final Executor IN_PLACE = Runnable::run;

    private final AgroalDataSource dataSource;
    private final int networkTimeoutMillis;

    public Db(AgroalDataSource dataSource,
            @ConfigProperty(name = "tasker.db.network-timeout", defaultValue = "30s") Duration networkTimeout) {
        this.dataSource = dataSource;
        if (networkTimeout.isNegative() || networkTimeout.isZero() || networkTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tasker.db.network-timeout must be a positive duration, got "
                    + networkTimeout);
        }
        this.networkTimeoutMillis = (int) networkTimeout.toMillis();
    }

    /** A pooled connection whose reads give up after the network timeout. */
    public Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setNetworkTimeout(IN_PLACE, networkTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** One statement or read, in auto-commit mode. */
    public <T> T read(Work<T> work) {
        return autoCommit(work);
    }

    /** Statements that each commit on their own (auto-commit): a single write costs one round trip. */
    public <T> T autoCommit(Work<T> work) {
        try (Connection c = connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
