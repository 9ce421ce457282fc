package dev.tasker.client.retry;

import java.time.Duration;

/** Waits; a seam so tests can count and skip the waits of retries and polling. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
