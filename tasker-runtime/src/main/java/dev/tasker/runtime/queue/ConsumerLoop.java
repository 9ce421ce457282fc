package dev.tasker.runtime.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The loop every queue consumer runs: do work while there is work; when there is none, sleep until a NOTIFY
 * rings, until the next delayed message becomes visible, or at most the fallback poll interval. Errors are
 * logged and retried after a short pause, so a database outage never ends the loop.
 */
public final class ConsumerLoop implements Runnable {

    /** One round of work; returns how many messages it handled, or 0 when there is nothing more to do now. */
    @FunctionalInterface
    public interface Round {
        int run() throws Exception;
    }

    /** When the next not-yet-visible message becomes visible, if any. */
    @FunctionalInterface
    public interface NextVisible {
        Optional<Instant> next() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration ERROR_PAUSE = Duration.ofMillis(500);

    private final String name;
    private final Round round;
    private final NextVisible nextVisible;
    private final Wakeup wakeup;
    private final Duration fallbackPoll;
    private volatile boolean running = true;

    public ConsumerLoop(String name, Round round, NextVisible nextVisible, Wakeup wakeup, Duration fallbackPoll) {
        this.name = name;
        this.round = round;
        this.nextVisible = nextVisible;
        this.wakeup = wakeup;
        this.fallbackPoll = fallbackPoll;
    }

    public void stop() {
        running = false;
        wakeup.ring();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (round.run() > 0) {
                    continue;
                }
                wakeup.await(idleWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf(e, "%s: round failed; retrying in %d ms", name, ERROR_PAUSE.toMillis());
                try {
                    wakeup.await(ERROR_PAUSE);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration idleWait() throws Exception {
        Optional<Instant> next = nextVisible.next();
        if (next.isEmpty()) {
            return fallbackPoll;
        }
        Duration until = Duration.between(Instant.now(), next.get());
        if (until.isNegative()) {
            return Duration.ZERO;
        }
        return until.compareTo(fallbackPoll) < 0 ? until : fallbackPoll;
    }
}
