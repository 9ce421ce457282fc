package dev.tasker.it.chaos;

import java.time.Duration;

/**
 * The faults the soak draws from, each with how long it lasts (drawn uniformly between the bounds) before it is
 * healed. The pause and the cut reach past the stack's worker-stale-after (15 s) in part of the draws, so that
 * some end before the orchestration notices and some after it has voided the worker's claims.
 */
enum FaultKind {

    /** docker pause: frozen, as in a long GC pause or a stopped VM. */
    WORKER_PAUSED("worker paused", true, Duration.ofSeconds(5), Duration.ofSeconds(25)),
    /** docker network disconnect: cut off from the database and the orchestration. */
    WORKER_CUT_OFF("worker cut off the network", true, Duration.ofSeconds(5), Duration.ofSeconds(40)),
    /** SIGKILL, started again after the pause. */
    WORKER_KILLED("worker killed", true, Duration.ZERO, Duration.ofSeconds(5)),
    /** SIGKILL mid-write: recovery from the WAL when started again. */
    POSTGRES_KILLED("postgres killed", false, Duration.ZERO, Duration.ofSeconds(3)),
    /** SIGKILL while clients create and cancel, retrying. */
    ORCHESTRATION_KILLED("orchestration killed", false, Duration.ZERO, Duration.ofSeconds(3));

    private final String label;
    private final boolean onAWorker;
    private final Duration shortest;
    private final Duration longest;

    FaultKind(String label, boolean onAWorker, Duration shortest, Duration longest) {
        this.label = label;
        this.onAWorker = onAWorker;
        this.shortest = shortest;
        this.longest = longest;
    }

    String label() {
        return label;
    }

    boolean onAWorker() {
        return onAWorker;
    }

    Duration shortest() {
        return shortest;
    }

    Duration longest() {
        return longest;
    }
}
