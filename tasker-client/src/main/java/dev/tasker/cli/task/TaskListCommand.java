package dev.tasker.cli.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.SinceConverter;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import dev.tasker.client.orchestration.TaskQuery;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tasks, newest first.",
        footer = {"", "Example: tasker-cli task list --namespace linear_workflow --status error --since 1h"})
public class TaskListCommand extends SessionCommand {

    @Option(names = "--namespace", description = "Only tasks of this namespace.")
    String namespace;

    @Option(names = "--name", description = "Only tasks of this template name.")
    String name;

    @Option(names = "--status", paramLabel = "STATE",
            description = "Only tasks in this state: ${COMPLETION-CANDIDATES}.")
    TaskState status;

    @Option(names = "--since", paramLabel = "AGE|TIME", converter = SinceConverter.class,
            description = "Only tasks created since then: 30m, 2h, 7d, 2026-01-31 or 2026-01-31T12:00:00Z.")
    Instant since;

    @Option(names = "--limit", defaultValue = "25", description = "Tasks per page, 1-100 (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--page", defaultValue = "1", description = "Which page, from 1 (default ${DEFAULT-VALUE}).")
    int page;

    public TaskListCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (limit < 1 || limit > TaskQuery.MAX_PER_PAGE) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1.." + TaskQuery.MAX_PER_PAGE
                    + ", got " + limit);
        }
        if (page < 1) {
            throw new ParameterException(spec.commandLine(), "--page must be at least 1, got " + page);
        }
        TaskQuery query = TaskQuery.builder().namespace(namespace).name(name).status(status).createdAfter(since)
                .page(page).perPage(limit).build();
        session.output().print(session.client().orchestration().listTasks(query),
                list -> render(list, session.output().style()));
        return ExitCodes.OK;
    }

    private static String render(TaskListResponse list, Style style) {
        var p = list.pagination();
        String footer = "page " + p.page() + " of " + Math.max(1, p.totalPages()) + ", " + p.totalCount() + " tasks"
                + (p.hasNext() ? " (next: --page " + (p.page() + 1) + ")" : "") + "\n";
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
