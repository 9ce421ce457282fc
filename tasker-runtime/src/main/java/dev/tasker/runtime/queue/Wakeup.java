package dev.tasker.runtime.queue;

import java.time.Duration;

/** A consumer's alarm clock: a NOTIFY (or anything else with news) rings it; the consumer sleeps on it. */
public final class Wakeup {

    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Sleeps until rung or until {@code max} has passed; true when rung. Clears the ring either way. */
    public synchronized boolean await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, max.toNanos());
        while (!rung) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        rung = false;
        return true;
    }
}
