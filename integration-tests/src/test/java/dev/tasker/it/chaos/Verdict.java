package dev.tasker.it.chaos;

/** How a task's end compares with what its kind must end as. */
enum Verdict {
    /** The outcome and exact results of its kind. */
    AS_EXPECTED,
    /**
     * Error instead of complete, and the history says why: its retry limit was spent, on attempts faults ended
     * (worker lost, claim voided, frozen past the timeout) besides the failures its handler makes on purpose.
     */
    SPENT_BY_FAULTS,
    /** Anything else: a lost, wrong, or duplicated result, or a task that did not end. */
    VIOLATION
}
