package dev.tasker.workers.java.worker;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something the worker does on its own threads, by looking again until it holds or a deadline
 * passes. Never a fixed sleep: a test is as fast as the worker and fails with what it last saw.
 */
public final class Poll {

    private static final long INTERVAL_MILLIS = 5;

    private Poll() {
    }

    /** The first value {@code read} returns that satisfies {@code done}; fails after {@code within}. */
    public static <T> T until(String what, Duration within, Supplier<T> read, Predicate<? super T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what + "; last seen: " + value);
            }
            pause();
        }
    }

    public static void until(String what, Duration within, Supplier<Boolean> condition) {
        until(what, within, condition, Boolean.TRUE::equals);
    }

    private static void pause() {
        try {
            Thread.sleep(INTERVAL_MILLIS); // between two looks, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
