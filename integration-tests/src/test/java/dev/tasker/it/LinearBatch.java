package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.client.orchestration.OrchestrationClient;
import dev.tasker.testing.StepValues;
import dev.tasker.testing.TestRun;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many linear_workflow tasks created at once, N cycling through the even numbers 2..100, and the check that each
 * ended complete with exactly N^16: the load for the concurrency and fault tests.
 */
public final class LinearBatch {

    private final Map<UUID, Integer> inputs;

    private LinearBatch(Map<UUID, Integer> inputs) {
        this.inputs = inputs;
    }

    /** Creates {@code count} linear_workflow tasks from {@code threads} threads at once. */
    public static LinearBatch create(TestRun run, int count, int threads) {
        return create(run, Template.LINEAR, count, threads);
    }

    /** As {@link #create(TestRun, int, int)}, from a template with the linear workflow's steps (e.g. the paced one). */
    public static LinearBatch create(TestRun run, Template template, int count, int threads) {
        ExecutorService creators = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TaskResponse>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = evenNumber(i);
                created.add(creators.submit(() -> run.create(template.namespace(), template.name(),
                        Contexts.evenNumber(n))));
            }
            Map<UUID, Integer> inputs = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                inputs.put(created.get(i).get(1, TimeUnit.MINUTES).taskUuid(), evenNumber(i));
            }
            return new LinearBatch(inputs);
        } catch (ExecutionException e) {
            throw new AssertionError("creating task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("creating " + count + " tasks took over a minute", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            creators.shutdownNow();
        }
    }

    /** Tasks created another way, by id with the N each was given. */
    public static LinearBatch of(Map<UUID, Integer> inputs) {
        return new LinearBatch(new TreeMap<>(inputs));
    }

    private static int evenNumber(int i) {
        return 2 + 2 * (i % 50);
    }

    public Set<UUID> tasks() {
        return inputs.keySet();
    }

    /** Each task's recorded transitions. */
    public Map<UUID, List<TransitionResponse>> histories(OrchestrationClient orchestration) {
        Map<UUID, List<TransitionResponse>> histories = new TreeMap<>();
        inputs.keySet().forEach(task -> histories.put(task, orchestration.transitions(task)));
        return histories;
    }

    /** What a per-step count over the batch must be when every step did something exactly once. */
    public Map<UUID, Map<String, Long>> eachStepOnce() {
        Map<String, Long> once = Map.of("linear_step_1", 1L, "linear_step_2", 1L, "linear_step_3", 1L,
                "linear_step_4", 1L);
        Map<UUID, Map<String, Long>> expected = new TreeMap<>();
        inputs.keySet().forEach(task -> expected.put(task, once));
        return expected;
    }

    /** Every task complete, its last step exactly N^16 (one assertion over all, so a failure lists them all). */
    public void assertCompleteWithExactResults(List<TaskResponse> finished) {
        Map<UUID, String> expected = new TreeMap<>();
        Map<UUID, String> actual = new TreeMap<>();
        inputs.forEach((task, n) -> expected.put(task, "complete " + BigInteger.valueOf(n).pow(16)));
        for (TaskResponse task : finished) {
            actual.put(task.taskUuid(), task.status().wire() + " "
                    + StepValues.integerResults(task).get("linear_step_4"));
        }
        assertThat(actual).as("status and linear_step_4 (N^16) of each task").isEqualTo(expected);
    }
}
