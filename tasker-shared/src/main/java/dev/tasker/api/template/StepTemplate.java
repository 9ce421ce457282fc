package dev.tasker.api.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One step of a template: its name (unique in the template), the handler a worker runs for it, the names of the
 * steps it depends on, its retry policy and its timeout. {@code handler_config} is passed to the handler as is.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepTemplate(String name, String description, String handler, List<String> dependencies,
        RetryPolicy retry, Integer timeoutSeconds, JsonNode handlerConfig) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public StepTemplate {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        retry = retry == null ? RetryPolicy.DEFAULT : retry;
        timeoutSeconds = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }
}
