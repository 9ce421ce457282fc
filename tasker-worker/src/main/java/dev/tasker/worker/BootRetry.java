package dev.tasker.worker;

import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.runtime.db.DatabaseException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A boot step that needs the database, tried again while the database is unavailable, until a deadline. A host
 * starting everything at once (a compose stack, a node after a reboot) may keep PostgreSQL from handing out a
 * connection within the pool's 2 s: the worker waits for it rather than exiting, and exits naming what it waited
 * for when the database stays away past the deadline. Any other failure (a template conflicting with one
 * registered, a bad worker id) ends the boot at once.
 */
final class BootRetry {

    private static final Logger LOG = Logger.getLogger(BootRetry.class);
    private static final ExponentialBackoff BACKOFF = new ExponentialBackoff(Duration.ofMillis(250),
            Duration.ofSeconds(5), true);

    private final Duration deadline;

    BootRetry(Duration deadline) {
        this.deadline = deadline;
    }

    <T> T run(String what, Supplier<T> step) {
        long end = System.nanoTime() + deadline.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (DatabaseException e) {
                Duration pause = BACKOFF.delay(attempt);
                if (!e.isUnavailable() || System.nanoTime() + pause.toNanos() > end) {
                    throw new IllegalStateException("could not " + what + " within the boot timeout of "
                            + deadline.toSeconds() + " s (tasker.worker.boot-timeout): " + e.getMessage(), e);
                }
                LOG.warnf("could not %s (attempt %d, the database is unavailable: %s); trying again in %d ms", what,
                        attempt, e.getMessage(), pause.toMillis());
                pauseFor(pause);
            }
        }
    }

    private static void pauseFor(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database at boot", e);
        }
    }
}
