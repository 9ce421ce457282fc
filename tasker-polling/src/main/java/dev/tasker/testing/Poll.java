package dev.tasker.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks {@code probe} until its answer satisfies a condition or the timeout passes. A probe that throws (a
 * service restarting refuses connections) counts as "not yet"; an Error, such as a failed assertion, ends the wait
 * at once. On timeout it fails with what was awaited and the last answer seen, so a hang in CI says what it was
 * waiting for. The pauses between looks start at 5 ms and double up to the interval (200 ms unless
 * {@link #every} says otherwise): quick for what happens in-process, gentle on a stack that takes a while.
 */
public final class Poll<T> {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final String awaited;
    private final Supplier<T> probe;
    private final Duration interval;
    private final Function<T, String> describe;

    private Poll(String awaited, Supplier<T> probe, Duration interval, Function<T, String> describe) {
        this.awaited = Objects.requireNonNull(awaited, "awaited");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.interval = interval;
        this.describe = describe;
    }

    /** @param awaited what the caller waits for, as the failure message should name it */
    public static <T> Poll<T> of(String awaited, Supplier<T> probe) {
        return new Poll<>(awaited, probe, DEFAULT_INTERVAL, String::valueOf);
    }

    /** The longest pause between two looks. */
    public Poll<T> every(Duration pause) {
        return new Poll<>(awaited, probe, pause, describe);
    }

    /** How an answer appears in the failure message. */
    public Poll<T> describedBy(Function<T, String> description) {
        return new Poll<>(awaited, probe, interval, description);
    }

    /** The first answer that satisfies {@code done}. */
    public T until(Predicate<? super T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = Math.min(FIRST_PAUSE_NANOS, interval.toNanos());
        String last = "nothing (no answer yet)";
        RuntimeException lastFailure = null;
        while (true) {
            try {
                T answer = probe.get();
                if (done.test(answer)) {
                    return answer;
                }
                last = describe.apply(answer);
                lastFailure = null;
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastFailure = e;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + describe(timeout) + " awaiting " + awaited
                        + "; last seen: " + last, lastFailure);
            }
            pause(Math.min(left, pause));
            pause = Math.min(pause * 2, interval.toNanos());
        }
    }

    /** Until the probe answers true. */
    public static void until(String awaited, Supplier<Boolean> condition, Duration timeout) {
        of(awaited, condition).until(Boolean.TRUE::equals, timeout);
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos); // between two looks, not a synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
