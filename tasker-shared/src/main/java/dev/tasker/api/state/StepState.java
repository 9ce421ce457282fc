package dev.tasker.api.state;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workflow step's lifecycle and the only moves allowed between states. Every state change in the database is
 * guarded by the expected current state, using these rules.
 */
public enum StepState {
    PENDING,
    ENQUEUED,
    IN_PROGRESS,
    ENQUEUED_FOR_ORCHESTRATION,
    ENQUEUED_AS_ERROR_FOR_ORCHESTRATION,
    WAITING_FOR_RETRY,
    COMPLETE,
    ERROR,
    CANCELLED,
    RESOLVED_MANUALLY;

    /** The states a step is stored in: {@code enqueued} for a root, which is queued at once, else {@code pending}. */
    public static final Set<StepState> INITIAL = Collections.unmodifiableSet(EnumSet.of(PENDING, ENQUEUED));

    private static final Map<StepState, Set<StepState>> NEXT = new EnumMap<>(StepState.class);

    static {
        // pending (or waiting_for_retry) -> in_progress: the one step a worker's result made ready, claimed for that
        // worker in the same statement (tasker_claim_step with p_held), without being queued.
        NEXT.put(PENDING, EnumSet.of(ENQUEUED, IN_PROGRESS, CANCELLED, RESOLVED_MANUALLY));
        NEXT.put(ENQUEUED, EnumSet.of(IN_PROGRESS, CANCELLED, RESOLVED_MANUALLY));
        // in_progress -> enqueued: a worker shutting down hands the step back unstarted. in_progress -> complete: the
        // worker applies its own success (tasker_complete_step); enqueued_for_orchestration is the state of a
        // success queued for the orchestration to apply instead.
        NEXT.put(IN_PROGRESS, EnumSet.of(COMPLETE, ENQUEUED_FOR_ORCHESTRATION, ENQUEUED_AS_ERROR_FOR_ORCHESTRATION,
                ENQUEUED));
        NEXT.put(ENQUEUED_FOR_ORCHESTRATION, EnumSet.of(COMPLETE));
        NEXT.put(ENQUEUED_AS_ERROR_FOR_ORCHESTRATION, EnumSet.of(WAITING_FOR_RETRY, ERROR));
        // -> pending: an operator retries the step (POST /v1/tasks/{task}/retry), with a fresh attempt counter.
        NEXT.put(WAITING_FOR_RETRY, EnumSet.of(ENQUEUED, IN_PROGRESS, CANCELLED, RESOLVED_MANUALLY, PENDING));
        NEXT.put(ERROR, EnumSet.of(RESOLVED_MANUALLY, PENDING));
        NEXT.put(COMPLETE, EnumSet.noneOf(StepState.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(StepState.class));
        NEXT.put(RESOLVED_MANUALLY, EnumSet.noneOf(StepState.class));
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canTransitionTo(StepState next) {
        return NEXT.get(this).contains(next);
    }

    /** The states from which a move to {@code target} is allowed (for state-guarded SQL updates). */
    public static Set<StepState> allowedFrom(StepState target) {
        Set<StepState> from = EnumSet.noneOf(StepState.class);
        NEXT.forEach((state, next) -> {
            if (next.contains(target)) {
                from.add(state);
            }
        });
        return from;
    }

    /** Complete or resolved by hand: children may run. */
    public boolean satisfiesDependents() {
        return this == COMPLETE || this == RESOLVED_MANUALLY;
    }

    /** No further change will come unless an operator acts. */
    public boolean isFinal() {
        return this == COMPLETE || this == ERROR || this == CANCELLED || this == RESOLVED_MANUALLY;
    }

    public static Optional<StepState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    @JsonCreator
    public static StepState fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown step state '" + wire + "'"));
    }
}
