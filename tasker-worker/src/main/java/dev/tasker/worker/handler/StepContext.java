package dev.tasker.worker.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a handler knows about the step it runs.
 *
 * @param taskContext the task's context (the request's {@code context} merged over the template's
 *        {@code default_context}); a JSON object
 * @param parentResults the results of the steps this step depends on, by step name
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 * @param retryLimit the most attempts the step gets
 * @param deadline when this attempt times out (the handler is interrupted then)
 * @param handlerConfig the step's {@code handler_config} from the template (an empty object when none)
 */
public record StepContext(UUID taskUuid, UUID stepUuid, String namespace, String taskName, String taskVersion,
        String stepName, JsonNode taskContext, Map<String, JsonNode> parentResults, int attempt, int retryLimit,
        Instant deadline, JsonNode handlerConfig) {

    public StepContext {
        taskContext = taskContext == null ? JsonNodeFactory.instance.objectNode() : taskContext;
        parentResults = parentResults == null ? Map.of() : Map.copyOf(parentResults);
        handlerConfig = handlerConfig == null ? JsonNodeFactory.instance.objectNode() : handlerConfig;
    }

    /** The result of the parent step with this name; a permanent failure when the step has no such parent. */
    public JsonNode parentResult(String stepName) {
        JsonNode result = parentResults.get(stepName);
        if (result == null) {
            throw StepFailure.permanent("missing_dependency_result", "step '" + this.stepName
                    + "' has no result from a parent step named '" + stepName + "' (parents: "
                    + parentResults.keySet() + ")");
        }
        return result;
    }
}
