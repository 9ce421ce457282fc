package dev.tasker.cli.task;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/** A task's steps as a DAG: each step with its state and the steps it depends on, in template order. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record TaskGraph(UUID taskUuid, String template, String status, List<Node> nodes) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Node(String name, String state, List<String> dependencies) {

        public Node {
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        }
    }

    public TaskGraph {
        nodes = List.copyOf(nodes);
    }

    public static TaskGraph of(TaskResponse task) {
        List<StepResponse> steps = task.steps() == null ? List.of() : task.steps();
        return new TaskGraph(task.taskUuid(), task.namespace() + "/" + task.name() + " " + task.version(),
                task.status().wire(), steps.stream()
                        .map(s -> new Node(s.name(), s.currentState().wire(), s.dependencies())).toList());
    }

    /** Steps without dependencies: where the task starts. */
    public List<Node> roots() {
        return nodes.stream().filter(n -> n.dependencies().isEmpty()).toList();
    }

    /** Steps that depend on {@code parent}. */
    public List<Node> children(Node parent) {
        return nodes.stream().filter(n -> n.dependencies().contains(parent.name())).toList();
    }
}
