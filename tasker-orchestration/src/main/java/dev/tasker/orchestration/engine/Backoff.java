package dev.tasker.orchestration.engine;

import dev.tasker.api.retry.ExponentialBackoff;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A step's retry policy as templates document it ({@code dev.tasker.api.template.RetryPolicy}): the wait before
 * the next attempt is {@code backoff_base_ms * 2^(attempts-1)} capped at {@code max_backoff_ms}, then "equal
 * jitter" (a uniform pick between half and all of it) so that steps failing together do not retry in lockstep.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The un-jittered wait after {@code attempts} attempts (attempts >= 1). */
    public static long ceilingMillis(int attempts, long baseMs, long maxMs) {
        return policy(baseMs, maxMs).ceiling(attempts).toMillis();
    }

    public static Duration delay(int attempts, long baseMs, long maxMs, RandomGenerator random) {
        return policy(baseMs, maxMs).delay(attempts, random.nextDouble());
    }

    /** Templates are validated (0 <= base <= max); should a stored step break that, the cap still wins. */
    private static ExponentialBackoff policy(long baseMs, long maxMs) {
        long max = Math.max(maxMs, 0);
        return new ExponentialBackoff(Duration.ofMillis(Math.min(Math.max(baseMs, 0), max)), Duration.ofMillis(max),
                true);
    }
}
