package dev.tasker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import java.util.Map;
import java.util.TreeMap;

/** A finished task's step results in a form one assertion can compare whole (and show whole when it fails). */
public final class StepValues {

    private StepValues() {
    }

    /**
     * Each step's {@code result} field as exact decimal digits. A result that is not a JSON integer shows as
     * "not an integer: ..." so a double (6.3e49) or a string cannot pass for the number.
     */
    public static Map<String, String> integerResults(TaskResponse task) {
        Map<String, String> values = new TreeMap<>();
        for (StepResponse step : task.steps()) {
            JsonNode result = step.results() == null ? null : step.results().get("result");
            values.put(step.name(), result != null && result.isIntegralNumber() ? result.bigIntegerValue().toString()
                    : "not an integer: " + step.results());
        }
        return values;
    }

    public static StepResponse step(TaskResponse task, String name) {
        return task.step(name).orElseThrow(() -> new AssertionError("task " + task.taskUuid() + " has no step "
                + name + ": " + TaskStates.describe(task)));
    }
}
