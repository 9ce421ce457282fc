package dev.tasker.runtime.step;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A step a worker now owns for one attempt, with everything its handler needs. */
public record ClaimedStep(UUID taskUuid, UUID stepUuid, String namespace, String taskName, String taskVersion,
        String stepName, String handler, int attempt, int retryLimit, int timeoutSeconds, Instant deadline,
        JsonNode taskContext, Map<String, JsonNode> parentResults, JsonNode handlerConfig) {
}
