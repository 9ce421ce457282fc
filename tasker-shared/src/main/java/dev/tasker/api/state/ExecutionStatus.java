package dev.tasker.api.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a task's steps are doing right now, derived from their states (see {@link #of}). */
public enum ExecutionStatus {
    HAS_READY_STEPS,
    PROCESSING,
    BLOCKED_BY_FAILURES,
    ALL_COMPLETE,
    WAITING_FOR_DEPENDENCIES;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ExecutionStatus fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown execution status '" + wire + "'"));
    }

    /**
     * @param total steps in the task
     * @param done complete or resolved manually
     * @param failed in error
     * @param inFlight enqueued, in progress or awaiting orchestration
     * @param ready pending or waiting for retry, with their dependencies satisfied
     */
    public static ExecutionStatus of(int total, int done, int failed, int inFlight, int ready) {
        if (total > 0 && done == total) {
            return ALL_COMPLETE;
        }
        if (failed > 0) {
            return BLOCKED_BY_FAILURES;
        }
        if (inFlight > 0) {
            return PROCESSING;
        }
        if (ready > 0) {
            return HAS_READY_STEPS;
        }
        return WAITING_FOR_DEPENDENCIES;
    }
}
