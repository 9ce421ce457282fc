package dev.tasker.testing;

import dev.tasker.api.task.TransitionResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Counts over a task's recorded history ({@code GET /v1/tasks/{uuid}/transitions}). */
public final class Transitions {

    /** A worker claimed the step for an attempt. */
    public static final String CLAIMED = "in_progress";
    /** A successful attempt's result was recorded (once per result: a late or duplicate report changes nothing). */
    public static final String COMPLETE = "complete";

    private Transitions() {
    }

    /** How often each step entered {@code state}, by step name (steps that never did are absent). */
    public static Map<String, Long> stepsEntering(List<TransitionResponse> history, String state) {
        return history.stream()
                .filter(t -> TransitionResponse.STEP.equals(t.subject()) && state.equals(t.toState()))
                .collect(Collectors.groupingBy(TransitionResponse::stepName, TreeMap::new, Collectors.counting()));
    }

    /** For several tasks: per task, how often each of its steps entered {@code state}. */
    public static Map<UUID, Map<String, Long>> stepsEntering(Map<UUID, List<TransitionResponse>> histories,
            String state) {
        Map<UUID, Map<String, Long>> counts = new TreeMap<>();
        histories.forEach((task, history) -> counts.put(task, stepsEntering(history, state)));
        return counts;
    }

    /** The workers (worker_id of the claim's metadata) that claimed steps of these tasks. */
    public static Set<String> claimingWorkers(Map<UUID, List<TransitionResponse>> histories) {
        return histories.values().stream().flatMap(List::stream)
                .filter(t -> TransitionResponse.STEP.equals(t.subject()) && CLAIMED.equals(t.toState()))
                .map(t -> t.metadata() == null ? "(no metadata)" : t.metadata().path("worker_id").asText("?"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** How often the task itself entered {@code state}. */
    public static long taskEntering(List<TransitionResponse> history, String state) {
        return history.stream().filter(t -> TransitionResponse.TASK.equals(t.subject()) && state.equals(t.toState()))
                .count();
    }
}
