package dev.tasker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.client.json.JsonMappers;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on one task of a test, read like its specification:
 * <pre>{@code it.assertThat(task).completes().withStepResult("compute_tax", "tax", new BigDecimal("12.60"));}</pre>
 * {@link #completes()} and {@link #failsAt} wait for the task to finish (with a deadline). A failed assertion
 * carries the expected and actual values, and the task's whole state in its message; the extension adds the
 * diagnostics report's path.
 */
public final class TaskAssert {

    /** How long {@link #completes()} and {@link #failsAt} wait for the task to finish unless told otherwise. */
    public static final Duration DEFAULT_FINISH = Duration.ofSeconds(60);

    private final TestRun run;
    private final UUID taskUuid;
    private final ObjectMapper json = JsonMappers.json();
    private TaskResponse task;

    TaskAssert(TestRun run, UUID taskUuid) {
        this.run = run;
        this.taskUuid = taskUuid;
    }

    /** The task as last read (after a wait, the finished task). */
    public TaskResponse task() {
        if (task == null) {
            task = run.stack().orchestration().getTask(taskUuid);
        }
        return task;
    }

    /** Waits up to a minute ({@link #DEFAULT_FINISH}) for the task to finish and asserts that it completed. */
    public TaskAssert completes() {
        return completesWithin(DEFAULT_FINISH);
    }

    public TaskAssert completesWithin(Duration timeout) {
        task = run.awaitTerminal(taskUuid, timeout);
        if (task.status() != TaskState.COMPLETE) {
            throw new AssertionFailedError("expected task " + taskUuid + " to complete, but it ended "
                    + task.status().wire() + ": " + TaskStates.describe(task), TaskState.COMPLETE.wire(),
                    task.status().wire());
        }
        return this;
    }

    /** Waits for the task to finish and asserts that it ended in error because {@code step} failed. */
    public TaskAssert failsAt(String step) {
        task = run.awaitTerminal(taskUuid, DEFAULT_FINISH);
        StepResponse failed = StepValues.step(task, step);
        if (task.status() != TaskState.ERROR || failed.currentState() != StepState.ERROR) {
            throw new AssertionFailedError("expected task " + taskUuid + " to fail at step " + step + ", but the task "
                    + "is " + task.status().wire() + " and the step " + failed.currentState().wire() + ": "
                    + TaskStates.describe(task), "error", failed.currentState().wire());
        }
        return this;
    }

    /**
     * The step's whole result equals {@code expected} (a JSON string, or any value Jackson writes); numbers are
     * compared by value (12.5 = 12.50), so an amount's scale does not matter.
     */
    public TaskAssert withStepResult(String step, Object expected) {
        JsonNode actual = StepValues.step(task(), step).results();
        JsonNode wanted = expected instanceof String text && looksLikeJson(text) ? parse(text)
                : json.valueToTree(expected);
        if (!same(wanted, actual)) {
            throw new AssertionFailedError("result of step " + step + " of task " + taskUuid + ": expected " + wanted
                    + " but was " + actual + "; " + TaskStates.describe(task()), wanted.toString(),
                    String.valueOf(actual));
        }
        return this;
    }

    /** One field of the step's result equals {@code expected}; numbers are compared by value, as everywhere here. */
    public TaskAssert withStepResult(String step, String field, Object expected) {
        JsonNode results = StepValues.step(task(), step).results();
        JsonNode actual = results == null ? null : results.get(field);
        JsonNode wanted = json.valueToTree(expected);
        if (!same(wanted, actual)) {
            throw new AssertionFailedError(step + "." + field + " of task " + taskUuid + ": expected " + wanted
                    + " but was " + actual + "; " + TaskStates.describe(task()), wanted.toString(),
                    String.valueOf(actual));
        }
        return this;
    }

    /** JSON equality, except that numbers are compared by value at any depth (12.5 = 12.50). */
    static boolean same(JsonNode expected, JsonNode actual) {
        if (actual == null || expected == null) {
            return (expected == null || expected.isNull()) && (actual == null || actual.isNull());
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (var field : expected.properties()) {
                if (!actual.has(field.getKey()) || !same(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!same(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private static boolean looksLikeJson(String text) {
        String t = text.strip();
        return t.startsWith("{") || t.startsWith("[");
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("expected result is not valid JSON: " + text, e);
        }
    }
}
