package dev.tasker.client.retry;

import dev.tasker.api.retry.ExponentialBackoff;
import java.time.Duration;

/**
 * How often a transient failure is retried and how long to wait in between: exponential from
 * {@code initialBackoff}, capped at {@code maxBackoff}, with "equal jitter" (half the wait fixed, half random) so
 * that many clients retrying after one outage do not arrive in lockstep.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final int MAX_RETRIES_LIMIT = 10;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
            throw new IllegalArgumentException("max retries must be 0.." + MAX_RETRIES_LIMIT + ", got " + maxRetries);
        }
        backoff(initialBackoff, maxBackoff); // refuses an initial backoff above the cap
    }

    /** 100 ms, 200 ms, 400 ms, ... up to 2 s between attempts. */
    public static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, INITIAL_BACKOFF, MAX_BACKOFF);
    }

    public static RetryPolicy none() {
        return standard(0);
    }

    /**
     * The wait before retry number {@code retry} (1-based).
     *
     * @param random uniformly distributed in [0, 1)
     */
    public Duration backoff(int retry, double random) {
        return backoff(initialBackoff, maxBackoff).delay(retry, random);
    }

    private static ExponentialBackoff backoff(Duration initial, Duration max) {
        return new ExponentialBackoff(initial, max, true);
    }
}
