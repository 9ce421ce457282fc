package dev.tasker.runtime.registry;

import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerStatus;
import java.time.Instant;

/** The registry's verdict on a worker's last heartbeat report: the one rule, kept apart to be tested alone. */
final class ReportedHealths {

    private static final String RUNNING = "running";

    private ReportedHealths() {
    }

    /** How old the last heartbeat may be: one interval, and half of one (at least a second) for scheduling jitter. */
    static long freshForMs(long intervalMs) {
        return intervalMs + Math.max(1000, intervalMs / 2);
    }

    static ReportedHealth judge(WorkerStatus status, Instant reportedAt, long intervalMs, long ageMs,
            Instant deregisteredAt) {
        String verdict = ReportedHealth.UNHEALTHY;
        String detail;
        if (deregisteredAt != null) {
            detail = "deregistered at " + deregisteredAt + " (it stopped)";
        } else if (ageMs > freshForMs(intervalMs)) {
            detail = "no heartbeat for " + seconds(ageMs) + " (it reports every " + seconds(intervalMs)
                    + "): stopped, frozen or cut off from the database";
        } else if (!RUNNING.equals(status.status())) {
            detail = "reported " + status.status() + " " + seconds(ageMs) + " ago";
        } else {
            verdict = ReportedHealth.HEALTHY;
            detail = "running, " + status.inFlight() + "/" + status.concurrency() + " slots busy, heartbeat "
                    + seconds(ageMs) + " ago";
        }
        return new ReportedHealth(verdict, detail, reportedAt, intervalMs, status);
    }

    private static String seconds(long ms) {
        return ms < 10_000 ? String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0) : ms / 1000 + " s";
    }
}
