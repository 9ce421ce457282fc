package dev.tasker.workers.java;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** StepContext records built by hand, as the worker would build them. */
public final class StepContexts {

    public static final UUID TASK_UUID = UUID.fromString("a1b2c3d4-e5f6-4789-abcd-ef0123456789");
    public static final UUID STEP_UUID = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");

    private StepContexts() {
    }

    public static StepContext of(String stepName, JsonNode taskContext) {
        return of(stepName, taskContext, Map.of(), 1);
    }

    public static StepContext of(String stepName, JsonNode taskContext, Map<String, JsonNode> parents) {
        return of(stepName, taskContext, parents, 1);
    }

    public static StepContext of(String stepName, JsonNode taskContext, Map<String, JsonNode> parents, int attempt) {
        return withConfig(stepName, taskContext, parents, attempt, null);
    }

    public static StepContext withConfig(String stepName, JsonNode taskContext, Map<String, JsonNode> parents,
            int attempt, JsonNode handlerConfig) {
        return new StepContext(TASK_UUID, STEP_UUID, "test_namespace", "test_task", "1.0.0", stepName, taskContext,
                parents, attempt, 3, Instant.now().plusSeconds(30), handlerConfig);
    }
}
