package dev.tasker.cli.task;

import dev.tasker.api.task.TaskActionRequest;
import dev.tasker.api.task.TaskActionResult;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import java.io.Console;
import java.util.Locale;
import java.util.function.Function;

/**
 * A cancel or retry of the tasks a filter selects, run by the orchestration in one request: a preview first
 * (a dry run), then, with --yes or a "y" at the terminal, the action; without a terminal and without --yes it
 * refuses, so that no script acts on many tasks by accident.
 */
final class BulkAction {

    private BulkAction() {
    }

    /** Whether the command acts by filter; a task's id and filters together, or neither, are usage errors. */
    static boolean byFilter(TaskIdParameter task, BulkOptions options) {
        boolean filtered = !options.filter.isEmpty();
        if (task.given() && filtered) {
            throw new CliException(ExitCodes.USAGE, "give either a task's UUID or filters (--namespace, --status, "
                    + "...), not both");
        }
        if (!task.given() && !filtered) {
            throw new CliException(ExitCodes.USAGE, "which tasks? give a task's UUID (TASK_ID or --id) or filters "
                    + "(--namespace, --name, --status, --since, --until, --tag, --correlation-id, --initiator, "
                    + "--source-system)");
        }
        if (!filtered && (options.dryRun || options.yes)) {
            throw new CliException(ExitCodes.USAGE, "--dry-run and --yes go with filters, not with one task's UUID");
        }
        return filtered;
    }

    /**
     * @param verb "cancel" or "retry", as the user reads it
     * @param call the client call for a request (dry run or not)
     */
    static int run(Session session, String verb, BulkOptions options, String reason,
            Function<TaskActionRequest, TaskActionResult> call) {
        if (options.limit < 1 || options.limit > 1000) {
            throw new CliException(ExitCodes.USAGE, "--limit must be 1..1000, got " + options.limit);
        }
        String user = session.host().user();
        TaskActionResult preview = call.apply(new TaskActionRequest(options.filter.selector(), options.limit, true,
                user, reason));
        Style style = session.output().style();
        if (options.dryRun) {
            session.output().print(preview, p -> "would " + verb + " " + p.selected().size() + " of " + p.matched()
                    + " matching tasks (newest first, --limit " + p.limit() + "); nothing was changed\n"
                    + tasks(p, style));
            return ExitCodes.OK;
        }
        if (preview.selected().isEmpty()) {
            session.output().print(preview, p -> "no task matches: nothing to " + verb + "\n");
            return ExitCodes.OK;
        }
        if (!options.yes) {
            confirm(session, verb, preview);
        }
        TaskActionResult done = call.apply(new TaskActionRequest(options.filter.selector(), options.limit, false,
                user, reason));
        session.output().print(done, d -> verb + ": " + d.changed().size() + " changed, " + d.skipped().size()
                + " skipped, of " + d.selected().size() + " selected (" + d.matched() + " matching)\n"
                + (d.skipped().isEmpty() ? "" : Table.of(d.skipped())
                        .column("SKIPPED TASK", TaskActionResult.Skipped::taskUuid)
                        .textColumn("WHY", TaskActionResult.Skipped::reason)
                        .render(style)));
        return ExitCodes.OK;
    }

    private static void confirm(Session session, String verb, TaskActionResult preview) {
        String what = verb + " " + preview.selected().size() + " of " + preview.matched() + " matching tasks";
        Console console = System.console();
        if (!session.host().interactive() || console == null) {
            throw new CliException(ExitCodes.USAGE, "refusing to " + what + " without --yes: there is no terminal "
                    + "to ask (preview them with --dry-run)");
        }
        session.output().err().print(tasks(preview, session.output().style()));
        session.output().err().flush();
        String answer = console.readLine("%s? [y/N] ", what);
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new CliException(ExitCodes.USAGE, "nothing done: " + verb + " not confirmed");
        }
    }

    private static String tasks(TaskActionResult result, Style style) {
        return result.selected().isEmpty() ? "" : Table.of(result.selected())
                .column("TASK", TaskSummary::taskUuid)
                .column("NAMESPACE", TaskSummary::namespace)
                .column("NAME", TaskSummary::name)
                .stateColumn("STATUS", t -> t.status().wire())
                .column("CREATED", TaskSummary::createdAt)
                .render(style);
    }
}
