package dev.tasker.client.scripted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tasks as the orchestration returns them, for rendering tests. */
public final class Fixtures {

    public static final UUID TASK = UUID.fromString("3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b");
    public static final Instant CREATED = Instant.parse("2026-01-31T12:00:00Z");

    private Fixtures() {
    }

    /** diamond_workflow for N = 6, complete: start, branches b and c, end. */
    public static TaskResponse completedDiamond() {
        List<StepResponse> steps = List.of(
                step("diamond_start", StepState.COMPLETE, List.of(), 36),
                step("diamond_branch_b", StepState.COMPLETE, List.of("diamond_start"), 1296),
                step("diamond_branch_c", StepState.COMPLETE, List.of("diamond_start"), 1296),
                step("diamond_end", StepState.COMPLETE, List.of("diamond_branch_b", "diamond_branch_c"),
                        2821109907456L));
        return task(TaskState.COMPLETE, ExecutionStatus.ALL_COMPLETE, steps, 4);
    }

    public static TaskResponse task(TaskState state, ExecutionStatus execution, List<StepResponse> steps,
            int completed) {
        ObjectNode context = JsonNodeFactory.instance.objectNode().put("even_number", 6);
        return new TaskResponse(TASK, "diamond_workflow", "diamond_pattern", "1.0.0", state, execution,
                100.0 * completed / steps.size(), steps.size(), steps.size() - completed, 0, completed, 0, 0,
                context, "tester", "tasker-cli", null, List.of("demo"), 0, "corr-1", "key-1", CREATED, CREATED,
                state.isTerminal() ? CREATED.plusSeconds(1) : null, steps);
    }

    public static StepResponse step(String name, StepState state, List<String> dependencies, long result) {
        ObjectNode results = state == StepState.COMPLETE
                ? JsonNodeFactory.instance.objectNode().put("result", BigInteger.valueOf(result)) : null;
        return new StepResponse(UUID.nameUUIDFromBytes(name.getBytes()), TASK, name, "math.square", state,
                dependencies, state == StepState.PENDING ? 0 : 1, 3, true, 30, null, CREATED, null, results, null,
                CREATED, CREATED, state == StepState.COMPLETE ? CREATED : null);
    }
}
