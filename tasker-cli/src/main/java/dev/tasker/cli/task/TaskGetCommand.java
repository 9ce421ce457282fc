package dev.tasker.cli.task;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show a task: its state, progress and result (-o json/yaml: the whole task, steps included).",
        footer = {"", "Example: tasker-cli task get 3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b --steps"})
public class TaskGetCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    @Option(names = "--steps", description = "Also list the steps (in the table view).")
    boolean steps;

    public TaskGetCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var style = session.output().style();
        session.output().print(session.client().orchestration().getTask(task.taskId()),
                t -> TaskViews.summary(t, style) + (steps ? "\n" + TaskViews.steps(t.steps(), style) : ""));
        return ExitCodes.OK;
    }
}
