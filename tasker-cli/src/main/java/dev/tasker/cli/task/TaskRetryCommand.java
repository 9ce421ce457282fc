package dev.tasker.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.JsonObjectArgument;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.client.json.JsonMappers;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retry", mixinStandardHelpOptions = true,
        description = "Resume a failed task from the steps that failed: every step in error (or, with --step, the "
                + "named steps in error or waiting_for_retry) goes back to pending with a fresh attempt counter; "
                + "completed steps keep their results and do not run again. Recorded in 'task history' with who "
                + "asked (the user) and --reason. With filters instead of a UUID, the newest failed tasks they "
                + "select (at most --limit; --dry-run previews them; asks at a terminal, needs --yes without one).",
        footer = {"", "Example: tasker-cli task retry 3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b --reason 'upstream fixed' "
                + "--wait",
            "         tasker-cli task retry ID --step flaky_step --context '{\"fail_times\": 0}'",
            "         tasker-cli task retry --namespace billing --status error --since 2h --dry-run",
            "", "Exit codes: 0 retried (with --wait: completed); 1 with --wait: ended in error or cancelled again; "
                + "2 nothing to retry, the task has finished, or a named step cannot be retried (conflict), or bad "
                + "input; 3 no such task; 4 unreachable or not finished within --timeout; 5 not allowed (needs "
                + "tasks:write)."})
public class TaskRetryCommand extends SessionCommand {

    private static final String EXAMPLE = "e.g. --context '{\"even_number\": 8}'";

    @Mixin
    TaskIdParameter task;

    @Mixin
    BulkOptions bulk;

    @Option(names = "--step", paramLabel = "NAME", description = "Retry this step (repeat for several); default: "
            + "every step in error.")
    List<String> steps;

    @Option(names = "--context", paramLabel = "JSON", description = "Merged over the task's context before the "
            + "retry (its keys replace the task's): corrected input for the steps that run again.")
    String context;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, recorded with the retry.")
    String reason;

    @Option(names = "--wait", description = "Then wait until the task finishes (at most --timeout, default 2m).")
    boolean await;

    public TaskRetryCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (BulkAction.byFilter(task, bulk)) {
            if (steps != null || context != null || await) {
                throw new CliException(ExitCodes.USAGE, "--step, --context and --wait go with one task's UUID, "
                        + "not with filters");
            }
            return BulkAction.run(session, "retry", bulk, reason, session.client().orchestration()::retryTasks);
        }
        TaskRetryRequest request = request(session.host().user());
        TaskResponse retried = session.client().orchestration().retryTask(task.taskId(), request);
        if (await) {
            session.verbose("retried task " + retried.taskUuid() + "; waiting for it");
            return TaskWatcher.watch(session, retried.taskUuid());
        }
        session.output().print(retried, t -> TaskViews.summary(t, session.output().style()) + "\n"
                + TaskViews.steps(t.steps(), session.output().style()));
        return ExitCodes.OK;
    }

    /** Checked before anything is sent. */
    TaskRetryRequest request(String user) {
        if (steps != null && steps.stream().anyMatch(String::isBlank)) {
            throw new CliException(ExitCodes.USAGE, "--step must not be blank");
        }
        if (reason != null && reason.isBlank()) {
            throw new CliException(ExitCodes.USAGE, "--reason must not be blank");
        }
        JsonNode merged = context == null ? null
                : JsonObjectArgument.parse(JsonMappers.json(), "--context", context, EXAMPLE);
        return new TaskRetryRequest(steps == null ? null : List.copyOf(steps), merged, user, reason);
    }
}
