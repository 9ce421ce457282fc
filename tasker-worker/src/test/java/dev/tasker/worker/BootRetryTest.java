package dev.tasker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.runtime.db.DatabaseException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BootRetryTest {

    private static DatabaseException unavailable() {
        return new DatabaseException(new SQLException("Acquisition timeout while waiting for new connection"));
    }

    @Test
    void aDatabaseUnavailableForTheFirstAttemptsIsWaitedFor() {
        AtomicInteger calls = new AtomicInteger();

        String result = new BootRetry(Duration.ofSeconds(30)).run("register worker w", () -> {
            if (calls.incrementAndGet() < 3) {
                throw unavailable();
            }
            return "registered";
        });

        assertThat(result).isEqualTo("registered");
        assertThat(calls).hasValue(3);
    }

    @Test
    void aDatabaseThatStaysAwayEndsTheBootNamingWhatItWaitedFor() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new BootRetry(Duration.ofSeconds(1)).run("register template t/x 1.0.0", () -> {
            calls.incrementAndGet();
            throw unavailable();
        })).isInstanceOf(IllegalStateException.class)
                .hasMessage("could not register template t/x 1.0.0 within the boot timeout of 1 s "
                        + "(tasker.worker.boot-timeout): Acquisition timeout while waiting for new connection");
        assertThat(calls.get()).as("attempts within 1 s (waits from 125-250 ms, doubling)").isBetween(2, 4);
    }

    @Test
    void anyOtherDatabaseFailureEndsTheBootAtOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new BootRetry(Duration.ofSeconds(30)).run("register worker w", () -> {
            calls.incrementAndGet();
            throw new DatabaseException(new SQLException("duplicate key", "23505"));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("duplicate key");
        assertThat(calls).hasValue(1);
    }
}
