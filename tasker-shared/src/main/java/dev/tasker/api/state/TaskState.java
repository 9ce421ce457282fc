package dev.tasker.api.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A task's lifecycle. The wire form is the lower-case name, e.g. {@code steps_in_process}. */
public enum TaskState {
    PENDING,
    INITIALIZING,
    ENQUEUING_STEPS,
    STEPS_IN_PROCESS,
    EVALUATING_RESULTS,
    WAITING_FOR_DEPENDENCIES,
    WAITING_FOR_RETRY,
    BLOCKED_BY_FAILURES,
    COMPLETE,
    ERROR,
    CANCELLED,
    RESOLVED_MANUALLY;

    private static final Set<TaskState> TERMINAL = EnumSet.of(COMPLETE, ERROR, CANCELLED, RESOLVED_MANUALLY);

    /**
     * The states a task's first transition enters: a task is stored with its root steps enqueued, in
     * {@code steps_in_process}; tasks stored before 0.1.0 recorded {@code pending} and the states up to it.
     */
    public static final Set<TaskState> INITIAL = Collections.unmodifiableSet(EnumSet.of(STEPS_IN_PROCESS, PENDING));

    /** States a task in motion can be in: evaluation may move it to any of these or to a terminal state. */
    private static final Set<TaskState> ACTIVE = EnumSet.of(PENDING, INITIALIZING, ENQUEUING_STEPS,
            STEPS_IN_PROCESS, EVALUATING_RESULTS, WAITING_FOR_DEPENDENCIES, WAITING_FOR_RETRY, BLOCKED_BY_FAILURES);

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }

    /**
     * Whether a task may move from this state to {@code next}. Active states move freely among themselves and
     * to any terminal state; terminal states are final, except that a task in {@code error} may be resumed
     * (to an active state or to {@code complete}/{@code resolved_manually}) when an operator resolves its
     * failed steps by hand.
     */
    public boolean canTransitionTo(TaskState next) {
        if (next == this) {
            return false;
        }
        if (ACTIVE.contains(this)) {
            return true;
        }
        return this == ERROR && next != CANCELLED && next != PENDING;
    }

    public static Set<TaskState> terminal() {
        return EnumSet.copyOf(TERMINAL);
    }

    public static Set<TaskState> active() {
        return EnumSet.copyOf(ACTIVE);
    }

    public static Optional<TaskState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    @JsonCreator
    public static TaskState fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown task state '" + wire + "'"));
    }
}
