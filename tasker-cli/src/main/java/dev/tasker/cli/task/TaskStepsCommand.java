package dev.tasker.cli.task;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "List a task's steps in template order: state, attempts, dependencies, result or error.")
public class TaskStepsCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    public TaskStepsCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var steps = session.client().orchestration().steps(task.taskId());
        session.output().printItems(steps, steps, s -> TaskViews.steps(s, session.output().style()));
        return ExitCodes.OK;
    }
}
