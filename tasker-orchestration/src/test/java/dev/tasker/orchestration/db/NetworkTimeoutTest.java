package dev.tasker.orchestration.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.runtime.db.DatabaseException;
import dev.tasker.runtime.db.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A connection from {@link Db} gives up on an answer after the network timeout: what a request on a connection
 * whose network dropped meets (no answer ever comes), here made by a statement slower than the limit.
 */
@QuarkusTest
class NetworkTimeoutTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAnswerSlowerThanTheNetworkTimeoutFailsAsUnavailableAndThePoolGoesOn() {
        Db db = new Db(dataSource, Duration.ofMillis(500));
        long start = System.nanoTime();

        assertThatThrownBy(() -> db.read(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute("SELECT pg_sleep(5)");
            }
        })).isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.isUnavailable())
                .as("a read timed out: SQLSTATE %s, %s", e.sqlState(), e.getMessage()).isTrue());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the answer").isLessThan(
                Duration.ofSeconds(4));
        Integer next = db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(next).as("the next statement, on another connection").isEqualTo(1);
    }

    @Test
    void aNetworkTimeoutMustBePositive() {
        assertThatThrownBy(() -> new Db(dataSource, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tasker.db.network-timeout");
    }
}
