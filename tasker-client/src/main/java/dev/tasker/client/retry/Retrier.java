package dev.tasker.client.retry;

import dev.tasker.client.error.ApiErrors;
import dev.tasker.client.error.TaskerApiException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Repeats a call while it fails transiently (see {@link ApiErrors#isTransient}). A plain loop rather than SmallRye
 * Fault Tolerance: the client must also work without CDI, and this policy needs nothing more.
 */
public final class Retrier {

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public Retrier(RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public Retrier(RetryPolicy policy) {
        this(policy, Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    public RetryPolicy policy() {
        return policy;
    }

    public <T> T call(Supplier<T> attempt) {
        for (int retry = 1; ; retry++) {
            try {
                return attempt.get();
            } catch (TaskerApiException e) {
                if (retry > policy.maxRetries() || !ApiErrors.isTransient(e)) {
                    throw e;
                }
                try {
                    sleeper.sleep(policy.backoff(retry, random.getAsDouble()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
            }
        }
    }
}
