package dev.tasker.orchestration.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** Waits for a condition with a deadline; on timeout the failure names what was awaited and the last value. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        long pause = 5;
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(pause); // polling interval, not synchronisation: the condition is re-checked
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("interrupted while waiting for " + what);
            }
            pause = Math.min(pause * 2, 100);
            last = probe.get();
        }
        return last;
    }
}
