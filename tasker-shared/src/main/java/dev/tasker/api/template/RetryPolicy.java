package dev.tasker.api.template;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How often a step may run and how long to wait between attempts. {@code limit} counts attempts in all (a
 * step with limit 3 runs at most three times); the wait before attempt n+1 is
 * {@code min(max_backoff_ms, backoff_base_ms * 2^(n-1))} with jitter.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RetryPolicy(Boolean retryable, Integer limit, Long backoffBaseMs, Long maxBackoffMs) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(true, 3, 1000L, 30_000L);

    public RetryPolicy {
        retryable = retryable == null ? DEFAULT_RETRYABLE : retryable;
        limit = limit == null ? DEFAULT_LIMIT : limit;
        backoffBaseMs = backoffBaseMs == null ? DEFAULT_BACKOFF_BASE_MS : backoffBaseMs;
        maxBackoffMs = maxBackoffMs == null ? Math.max(DEFAULT_MAX_BACKOFF_MS, backoffBaseMs) : maxBackoffMs;
    }

    private static final boolean DEFAULT_RETRYABLE = true;
    private static final int DEFAULT_LIMIT = 3;
    private static final long DEFAULT_BACKOFF_BASE_MS = 1000L;
    private static final long DEFAULT_MAX_BACKOFF_MS = 30_000L;
}
