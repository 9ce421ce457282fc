package dev.tasker.it.chaos;

import java.time.Duration;

/** One fault of the soak: what, on which service, when (seconds into the soak) and for how long. */
record InjectedFault(FaultKind kind, String service, long atSecond, Duration lasted) {

    @Override
    public String toString() {
        return String.format("%4d s  %-26s %-13s %5.1f s", atSecond, kind.label(), service,
                lasted.toMillis() / 1000.0);
    }
}
