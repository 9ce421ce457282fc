package dev.tasker.api.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits that double from {@code base} before the first retry up to {@code max}. With {@code jitter}, "equal
 * jitter": a uniform pick between half and all of that wait, so that many parties failing together (clients after
 * an outage, steps of one task) do not retry in lockstep. Millisecond resolution.
 */
public record ExponentialBackoff(Duration base, Duration max, boolean jitter) {

    public ExponentialBackoff {
        if (base == null || base.isNegative() || max == null || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= base <= max, got " + base + " and " + max);
        }
    }

    /** The wait before retry {@code retry} (1-based), without jitter: {@code min(max, base * 2^(retry-1))}. */
    public Duration ceiling(int retry) {
        long baseMs = base.toMillis();
        if (baseMs == 0) {
            return Duration.ZERO;
        }
        // Shifting further than the leading zeros would overflow; the cap has been reached long before.
        int doublings = Math.min(Math.max(retry - 1, 0), Long.numberOfLeadingZeros(baseMs) - 1);
        return Duration.ofMillis(Math.min(baseMs << doublings, max.toMillis()));
    }

    /** The wait before retry {@code retry} (1-based). */
    public Duration delay(int retry) {
        return delay(retry, jitter ? ThreadLocalRandom.current().nextDouble() : 0);
    }

    /**
     * The wait before retry {@code retry} (1-based), for a given draw.
     *
     * @param random uniformly distributed in [0, 1); unused without jitter
     */
    public Duration delay(int retry, double random) {
        Duration ceiling = ceiling(retry);
        if (!jitter) {
            return ceiling;
        }
        long all = ceiling.toMillis();
        long half = all / 2;
        return Duration.ofMillis(half + (long) (random * (all - half + 1)));
    }
}
