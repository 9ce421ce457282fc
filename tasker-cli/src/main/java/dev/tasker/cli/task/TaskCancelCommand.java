package dev.tasker.cli.task;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a task, or with filters instead of its UUID the newest tasks they select (at most "
                + "--limit; --dry-run previews them; asks at a terminal, needs --yes without one): steps not yet "
                + "running never run; running steps finish.",
        footer = {"", "Example: tasker-cli task cancel 3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b",
            "         tasker-cli task cancel --namespace billing --status waiting_for_retry --since 1h --dry-run",
            "", "Exit codes: 0 cancelled (with filters: the action ran, tasks already finished skipped and listed); "
                + "2 the task had already finished (conflict), usage, or not confirmed; 3 no such task."})
public class TaskCancelCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    @Mixin
    BulkOptions bulk;

    public TaskCancelCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (BulkAction.byFilter(task, bulk)) {
            return BulkAction.run(session, "cancel", bulk, null, session.client().orchestration()::cancelTasks);
        }
        session.output().print(session.client().orchestration().cancelTask(task.taskId()),
                t -> TaskViews.summary(t, session.output().style()));
        return ExitCodes.OK;
    }
}
