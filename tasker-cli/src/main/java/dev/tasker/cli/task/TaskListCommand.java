package dev.tasker.cli.task;

import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import dev.tasker.client.orchestration.TaskQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tasks, newest first.",
        footer = {"", "Example: tasker-cli task list --namespace linear_workflow --status error --since 1h",
            "         tasker-cli task list --tag nightly --until 1d -o jsonl"})
public class TaskListCommand extends SessionCommand {

    @Mixin
    TaskFilterOptions filter;

    @Option(names = "--limit", defaultValue = "25", description = "Tasks per page, 1-100 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--page", description = "Which page, from 1 (default 1).")
    Integer page;

    @Option(names = "--cursor", paramLabel = "CURSOR",
            description = "The page after the one that printed this cursor (as fast at any depth; not with --page).")
    String cursor;

    public TaskListCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (limit < 1 || limit > TaskQuery.MAX_PER_PAGE) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1.." + TaskQuery.MAX_PER_PAGE
                    + ", got " + limit);
        }
        if (page != null && page < 1) {
            throw new ParameterException(spec.commandLine(), "--page must be at least 1, got " + page);
        }
        if (page != null && cursor != null) {
            throw new ParameterException(spec.commandLine(), "--page and --cursor cannot be combined");
        }
        TaskQuery query = filter.query().page(page).cursor(cursor).perPage(limit).build();
        TaskListResponse list = session.client().orchestration().listTasks(query);
        session.output().printItems(list, list.tasks(), l -> render(l, session.output().style()));
        return ExitCodes.OK;
    }

    /** A server older than cursors gives none: the next page by number then. */
    private static String next(TaskListResponse.Pagination p) {
        return p.nextCursor() == null ? "--page " + (p.page() + 1) : "--cursor " + p.nextCursor();
    }

    private static String render(TaskListResponse list, Style style) {
        var p = list.pagination();
        String footer = "page " + p.page() + " of " + (p.totalCountExact() ? "" : "about ")
                + Math.max(1, p.totalPages()) + ", " + (p.totalCountExact() ? "" : "about ") + p.totalCount() + " tasks"
                + (p.hasNext() ? " (next: " + next(p) + ")" : "") + "\n";
        if (list.tasks().isEmpty()) {
            return "no tasks match\n" + footer;
        }
        return Table.of(list.tasks())
                .column("TASK", TaskSummary::taskUuid)
                .column("NAMESPACE", TaskSummary::namespace)
                .column("NAME", TaskSummary::name)
                .column("VERSION", TaskSummary::version)
                .stateColumn("STATUS", t -> t.status().wire())
                .column("STEPS", t -> t.completedSteps() + "/" + t.totalSteps())
                .column("CREATED", TaskSummary::createdAt)
                .render(style) + footer;
    }
}
