package dev.tasker.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asks {@code probe} until its answer satisfies a condition or the timeout passes. A probe that throws (a
 * service restarting refuses connections) counts as "not yet". On timeout it fails with what was awaited and the
 * last answer seen, so a hang in CI says what it was waiting for.
 */
public final class Poll<T> {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

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

    public Poll<T> every(Duration pause) {
        return new Poll<>(awaited, probe, pause, describe);
    }

    /** How an answer appears in the failure message. */
    public Poll<T> describedBy(Function<T, String> description) {
        return new Poll<>(awaited, probe, interval, description);
    }

    public T until(Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing (no answer yet)";
        while (true) {
            try {
                T answer = probe.get();
                if (done.test(answer)) {
                    return answer;
                }
                last = describe.apply(answer);
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s awaiting " + awaited
                        + "; last seen: " + last);
            }
            pause(Math.min(left, interval.toNanos()));
        }
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while polling", e);
        }
    }
}
