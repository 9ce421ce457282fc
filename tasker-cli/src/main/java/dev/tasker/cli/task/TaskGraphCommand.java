package dev.tasker.cli.task;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Show the task's steps as a DAG with each step's state: an indented tree (a step with several "
                + "parents appears under each; its children are shown once, later appearances say '(see above)'), "
                + "or a Mermaid 'graph TD' with --format mermaid. -o json/yaml print the nodes and edges instead.")
public class TaskGraphCommand extends SessionCommand {

    enum Format { TREE, MERMAID }

    @Mixin
    TaskIdParameter task;

    @Option(names = "--format", defaultValue = "tree", description = "tree or mermaid (default ${DEFAULT-VALUE}).")
    Format format;

    public TaskGraphCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        TaskGraph graph = TaskGraph.of(session.client().orchestration().getTask(task.taskId()));
        session.output().print(graph, g -> format == Format.MERMAID ? GraphMermaid.render(g)
                : GraphTree.render(g, session.output().style()));
        return ExitCodes.OK;
    }
}
