package dev.tasker.cli.task;

import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until the task is complete, in error or cancelled (at most --timeout, default 2m), then "
                + "print it. Shows live progress on stderr when run in a terminal.",
        footer = {"", "Exit codes: 0 the task completed; 1 it ended in error or was cancelled; 3 no such task; "
                + "4 not finished within --timeout, or the service is unreachable."})
public class TaskWaitCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    public TaskWaitCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        return TaskWatcher.watch(session, task.taskId());
    }
}
