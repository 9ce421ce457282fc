package dev.tasker.it.chaos;

import java.util.Map;

/** What a task of the mix must end as when no fault got in its way. */
sealed interface Expected {

    /**
     * Complete, each listed result exact: keys are {@code step.field}, values the field's JSON text.
     *
     * @param onPurposeFailures attempts the handler fails on purpose before it succeeds (the flaky step's)
     */
    record Completes(Map<String, String> results, int onPurposeFailures) implements Expected {
    }

    /** Error, with this step the one in error (whatever else the faults did, the handler refuses the input). */
    record FailsAt(String step) implements Expected {
    }

    /** Cancelled: the cancel was answered 200. */
    record Cancelled() implements Expected {
    }

    /**
     * The cancel was answered 409 (the task had ended, or a cancel of ours whose answer a fault lost had already
     * landed): cancelled, or complete with these exact results.
     */
    record CancelledOrCompletes(Completes completes) implements Expected {
    }
}
