package dev.tasker.api.state;

import static dev.tasker.api.state.StepState.COMPLETE;
import static dev.tasker.api.state.StepState.ENQUEUED;
import static dev.tasker.api.state.StepState.ENQUEUED_AS_ERROR_FOR_ORCHESTRATION;
import static dev.tasker.api.state.StepState.ENQUEUED_FOR_ORCHESTRATION;
import static dev.tasker.api.state.StepState.ERROR;
import static dev.tasker.api.state.StepState.IN_PROGRESS;
import static dev.tasker.api.state.StepState.PENDING;
import static dev.tasker.api.state.StepState.RESOLVED_MANUALLY;
import static dev.tasker.api.state.StepState.WAITING_FOR_RETRY;
import static dev.tasker.api.state.StepState.CANCELLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepStateTest {

    @ParameterizedTest(name = "{0} -> {1} allowed")
    @CsvSource({
        "PENDING, ENQUEUED", "PENDING, IN_PROGRESS", "PENDING, CANCELLED", "PENDING, RESOLVED_MANUALLY",
        "ENQUEUED, IN_PROGRESS", "ENQUEUED, CANCELLED", "ENQUEUED, RESOLVED_MANUALLY",
        "IN_PROGRESS, ENQUEUED_FOR_ORCHESTRATION", "IN_PROGRESS, ENQUEUED_AS_ERROR_FOR_ORCHESTRATION",
        "IN_PROGRESS, ENQUEUED", "IN_PROGRESS, COMPLETE",
        "ENQUEUED_FOR_ORCHESTRATION, COMPLETE",
        "ENQUEUED_AS_ERROR_FOR_ORCHESTRATION, WAITING_FOR_RETRY", "ENQUEUED_AS_ERROR_FOR_ORCHESTRATION, ERROR",
        "WAITING_FOR_RETRY, ENQUEUED", "WAITING_FOR_RETRY, CANCELLED", "WAITING_FOR_RETRY, RESOLVED_MANUALLY",
        "WAITING_FOR_RETRY, PENDING", "WAITING_FOR_RETRY, IN_PROGRESS", "ERROR, RESOLVED_MANUALLY", "ERROR, PENDING"})
    void allowed(StepState from, StepState to) {
        assertThat(from.canTransitionTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1} refused")
    @CsvSource({
        "PENDING, COMPLETE", "ENQUEUED, COMPLETE",
        "IN_PROGRESS, CANCELLED", "ENQUEUED_FOR_ORCHESTRATION, ERROR", "ENQUEUED_AS_ERROR_FOR_ORCHESTRATION, COMPLETE",
        "COMPLETE, ENQUEUED", "COMPLETE, RESOLVED_MANUALLY", "ERROR, ENQUEUED", "CANCELLED, ENQUEUED",
        "RESOLVED_MANUALLY, COMPLETE", "WAITING_FOR_RETRY, COMPLETE"})
    void refused(StepState from, StepState to) {
        assertThat(from.canTransitionTo(to)).isFalse();
    }

    @Test
    void finalStatesGoNowhereButErrorToResolution() {
        assertThat(EnumSet.allOf(StepState.class)).filteredOn(COMPLETE::canTransitionTo).isEmpty();
        assertThat(EnumSet.allOf(StepState.class)).filteredOn(CANCELLED::canTransitionTo).isEmpty();
        assertThat(EnumSet.allOf(StepState.class)).filteredOn(RESOLVED_MANUALLY::canTransitionTo).isEmpty();
        assertThat(EnumSet.allOf(StepState.class)).filteredOn(ERROR::canTransitionTo)
                .containsExactlyInAnyOrder(RESOLVED_MANUALLY, PENDING);
    }

    @Test
    void allowedFromIsTheInverseOfTheRules() {
        assertThat(StepState.allowedFrom(RESOLVED_MANUALLY)).containsExactlyInAnyOrder(PENDING, ENQUEUED,
                WAITING_FOR_RETRY, ERROR);
        assertThat(StepState.allowedFrom(ENQUEUED)).containsExactlyInAnyOrder(PENDING, WAITING_FOR_RETRY, IN_PROGRESS);
        assertThat(StepState.allowedFrom(PENDING)).containsExactlyInAnyOrder(ERROR, WAITING_FOR_RETRY);
        assertThat(StepState.allowedFrom(COMPLETE)).containsExactlyInAnyOrder(IN_PROGRESS, ENQUEUED_FOR_ORCHESTRATION);
        assertThat(StepState.allowedFrom(IN_PROGRESS)).containsExactlyInAnyOrder(ENQUEUED, PENDING, WAITING_FOR_RETRY);
        assertThat(StepState.allowedFrom(ERROR)).containsExactly(ENQUEUED_AS_ERROR_FOR_ORCHESTRATION);
    }

    @Test
    void wireNamesRoundTrip() {
        for (StepState s : StepState.values()) {
            assertThat(StepState.fromWire(s.wire())).isEqualTo(s);
        }
        assertThat(ENQUEUED_AS_ERROR_FOR_ORCHESTRATION.wire()).isEqualTo("enqueued_as_error_for_orchestration");
        assertThatThrownBy(() -> StepState.fromWire("done")).hasMessageContaining("unknown step state 'done'");
    }

    @Test
    void onlyCompleteAndResolvedSatisfyChildren() {
        assertThat(EnumSet.allOf(StepState.class)).filteredOn(StepState::satisfiesDependents)
                .containsExactlyInAnyOrder(COMPLETE, RESOLVED_MANUALLY);
    }
}
