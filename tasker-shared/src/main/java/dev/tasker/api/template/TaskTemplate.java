package dev.tasker.api.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A task template: the DAG of steps a task of (namespace, name, version) runs. Templates are immutable per
 * version: registering a different definition under an existing version is refused.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskTemplate(String namespace, String name, String version, String description,
        JsonNode defaultContext, List<StepTemplate> steps) {

    public TaskTemplate {
        defaultContext = defaultContext == null || defaultContext.isNull()
                ? JsonNodeFactory.instance.objectNode() : defaultContext;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public String key() {
        return namespace + "/" + name + "/" + version;
    }
}
