package dev.tasker.it.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares how a task ended with what its kind must end as, its steps' recorded history explaining errors. */
final class OutcomeJudge {

    /** The verdict and, unless as expected, why. */
    record Judgement(Verdict verdict, String why) {
    }

    private static final Judgement AS_EXPECTED = new Judgement(Verdict.AS_EXPECTED, "");

    private OutcomeJudge() {
    }

    static Judgement judge(Expected expected, TaskResponse task, List<StepHistory> steps) {
        if (expected instanceof Expected.Completes c) {
            return completes(task, c, steps);
        }
        if (expected instanceof Expected.FailsAt f) {
            boolean inError = task.step(f.step()).map(st -> st.currentState() == StepState.ERROR).orElse(false);
            return task.status() == TaskState.ERROR && inError ? AS_EXPECTED
                    : violation("expected error at " + f.step());
        }
        if (expected instanceof Expected.CancelledOrCompletes cc) {
            return task.status() == TaskState.CANCELLED ? AS_EXPECTED : completes(task, cc.completes(), steps);
        }
        return task.status() == TaskState.CANCELLED ? AS_EXPECTED
                : violation("the cancel was answered 200, expected cancelled");
    }

    /**
     * Complete with the exact results; or error, when every step in error spent its retry limit with at least one
     * attempt a fault ended and no more handler failures than the handler makes on purpose.
     */
    private static Judgement completes(TaskResponse task, Expected.Completes c, List<StepHistory> steps) {
        if (task.status() == TaskState.COMPLETE) {
            Map<String, String> observed = new TreeMap<>();
            c.results().keySet().forEach(key -> observed.put(key, value(task, key)));
            Map<String, String> wanted = new TreeMap<>(c.results());
            return observed.equals(wanted) ? AS_EXPECTED
                    : violation("expected results " + wanted + ", got " + observed);
        }
        if (task.status() != TaskState.ERROR) {
            return violation("expected complete");
        }
        List<StepHistory> inError = steps.stream().filter(h -> h.state().equals(StepState.ERROR.wire())).toList();
        boolean explained = !inError.isEmpty() && inError.stream().allMatch(h -> h.attempts() == h.retryLimit()
                && h.faultEnded() > 0 && h.handlerFailures() <= c.onPurposeFailures());
        return explained ? new Judgement(Verdict.SPENT_BY_FAULTS, "")
                : violation("expected complete; steps in error: " + inError);
    }

    /** The JSON text of {@code step.field} in the task's results. */
    private static String value(TaskResponse task, String key) {
        int dot = key.indexOf('.');
        StepResponse step = task.step(key.substring(0, dot)).orElse(null);
        if (step == null || step.results() == null) {
            return "(no result)";
        }
        JsonNode v = step.results().get(key.substring(dot + 1));
        return v == null ? "(missing)" : v.asText();
    }

    private static Judgement violation(String why) {
        return new Judgement(Verdict.VIOLATION, why);
    }
}
