package dev.tasker.workers.java;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a template's steps in dependency order in the test thread, the way the orchestrator would: each step gets
 * the task context (request over default_context) and its parents' results, first attempt only.
 */
public final class WorkflowRunner {

    private WorkflowRunner() {
    }

    public static Map<String, JsonNode> run(TaskTemplate template, Map<String, StepHandler> handlers,
            JsonNode requestContext) throws Exception {
        return run(template, handlers, requestContext, StepContexts.TASK_UUID,
                step -> UUID.nameUUIDFromBytes(step.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns each step's result as the handler returned it, in the order the steps ran. */
    public static Map<String, JsonNode> run(TaskTemplate template, Map<String, StepHandler> handlers,
            JsonNode requestContext, UUID taskUuid, Function<String, UUID> stepUuids) throws Exception {
        ObjectNode taskContext = template.defaultContext().deepCopy();
        taskContext.setAll((ObjectNode) requestContext);
        Map<String, JsonNode> results = new LinkedHashMap<>();
        Map<String, JsonNode> stored = new LinkedHashMap<>();
        List<StepTemplate> pending = new ArrayList<>(template.steps());
        while (!pending.isEmpty()) {
            StepTemplate step = pending.stream()
                    .filter(s -> stored.keySet().containsAll(s.dependencies()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no runnable step among " + pending));
            pending.remove(step);
            StepHandler handler = handlers.get(step.handler());
            if (handler == null) {
                throw new AssertionError("no handler named " + step.handler() + " for step " + step.name());
            }
            Map<String, JsonNode> parents = new LinkedHashMap<>();
            step.dependencies().forEach(d -> parents.put(d, stored.get(d)));
            StepContext context = new StepContext(taskUuid, stepUuids.apply(step.name()), template.namespace(),
                    template.name(), template.version(), step.name(), taskContext.deepCopy(), parents, 1,
                    step.retry().limit(), Instant.now().plusSeconds(step.timeoutSeconds()), step.handlerConfig());
            JsonNode result = handler.handle(context);
            results.put(step.name(), result);
            // Children read what was stored, i.e. JSON text parsed again, not the handler's in-memory nodes.
            stored.put(step.name(), Json.roundTrip(result));
        }
        return results;
    }
}
