package dev.tasker.cli.task;

import dev.tasker.api.task.TransitionResponse;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Every state change of the task and its steps, oldest first.")
public class TaskHistoryCommand extends SessionCommand {

    @Mixin
    TaskIdParameter task;

    public TaskHistoryCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var history = session.client().orchestration().transitions(task.taskId());
        session.output().printItems(history, history, transitions -> Table.of(transitions)
                        .column("AT", TransitionResponse::at)
                        .column("SUBJECT", t -> TransitionResponse.STEP.equals(t.subject())
                                ? "step " + t.stepName() : t.subject())
                        .stateColumn("FROM", TransitionResponse::fromState)
                        .stateColumn("TO", TransitionResponse::toState)
                        .render(session.output().style()));
        return ExitCodes.OK;
    }
}
