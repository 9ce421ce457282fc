package dev.tasker.cli.task;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a task: steps not yet running never run; running steps finish.",
        footer = {"", "Exit codes: 0 cancelled; 2 the task had already finished (conflict); 3 no such task."})
public class TaskCancelCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    public TaskCancelCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        session.output().print(session.client().orchestration().cancelTask(task.taskId()),
                t -> TaskViews.summary(t, session.output().style()));
        return ExitCodes.OK;
    }
}
