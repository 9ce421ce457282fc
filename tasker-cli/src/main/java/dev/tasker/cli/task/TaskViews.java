package dev.tasker.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The table renderings of a task and its steps, shared by the task commands. */
public final class TaskViews {

    private TaskViews() {
    }

    /** Key/value lines: identity, state, progress, times and, once there is one, the result. */
    public static String summary(TaskResponse t, Style style) {
        List<Map.Entry<String, Object>> rows = new ArrayList<>();
        rows.add(Map.entry("task", t.taskUuid()));
        rows.add(Map.entry("template", t.namespace() + "/" + t.name() + " " + t.version()));
        rows.add(Map.entry("status", style.state(t.status().wire())));
        rows.add(Map.entry("execution", t.executionStatus() == null ? "-" : t.executionStatus().wire()));
        rows.add(Map.entry("steps", progress(t) + (t.failedSteps() > 0 ? ", " + t.failedSteps() + " failed" : "")));
        rows.add(Map.entry("created", t.createdAt()));
        if (t.completedAt() != null) {
            rows.add(Map.entry("completed", t.completedAt()));
        }
        if (t.tags() != null && !t.tags().isEmpty()) {
            rows.add(Map.entry("tags", String.join(", ", t.tags())));
        }
        rows.add(Map.entry("correlation", t.correlationId()));
        for (StepResponse last : finalSteps(t)) {
            rows.add(Map.entry("result", last.name() + " = " + text(last.results())));
        }
        return Table.keyValues(rows);
    }

    /** One row per step, in template order. */
    public static String steps(List<StepResponse> steps, Style style) {
        return Table.of(steps)
                .column("STEP", StepResponse::name)
                .stateColumn("STATE", s -> s.currentState().wire())
                .column("ATTEMPTS", s -> s.attempts() + "/" + s.retryLimit())
                .column("DEPENDS ON", s -> s.dependencies() == null || s.dependencies().isEmpty() ? "-"
                        : String.join(", ", s.dependencies()))
                // A step resolved by hand keeps the error of its failed attempt: the resolution is what counts.
                .textColumn("RESULT / ERROR", s -> s.currentState() == StepState.RESOLVED_MANUALLY
                        ? "resolved by hand: " + text(s.results())
                        : s.error() != null ? s.error().errorType() + ": " + s.error().message() : text(s.results()))
                .render(style);
    }

    /** "3/4 steps complete (75%)". */
    public static String progress(TaskResponse t) {
        return t.completedSteps() + "/" + t.totalSteps() + " steps complete ("
                + Math.round(t.completionPercentage()) + "%)";
    }

    /** Steps no other step depends on, once they have a result: the task's outcome. */
    static List<StepResponse> finalSteps(TaskResponse t) {
        if (t.steps() == null) {
            return List.of();
        }
        Set<String> parents = t.steps().stream().flatMap(s -> s.dependencies() == null ? Stream.empty()
                : s.dependencies().stream()).collect(Collectors.toSet());
        return t.steps().stream().filter(s -> !parents.contains(s.name()) && s.results() != null
                && !s.results().isNull()).toList();
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() ? "-" : node.isTextual() ? node.asText() : node.toString();
    }
}
