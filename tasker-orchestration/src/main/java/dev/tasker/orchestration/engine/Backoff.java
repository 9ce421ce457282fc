package dev.tasker.orchestration.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Wait before the next attempt: {@code base * 2^(attempts-1)} capped at {@code max}, then "equal jitter" (a
 * uniform pick between half and all of it) so that steps failing together do not retry in lockstep.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The un-jittered wait after {@code attempts} attempts (attempts >= 1). */
    public static long ceilingMillis(int attempts, long baseMs, long maxMs) {
        if (baseMs <= 0) {
            return 0;
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long exp = baseMs << Math.min(doublings, Long.numberOfLeadingZeros(baseMs) - 1);
        return Math.min(exp, maxMs);
    }

    public static Duration delay(int attempts, long baseMs, long maxMs, RandomGenerator random) {
        long ceiling = ceilingMillis(attempts, baseMs, maxMs);
        if (ceiling == 0) {
            return Duration.ZERO;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
