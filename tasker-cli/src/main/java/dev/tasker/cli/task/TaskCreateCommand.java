package dev.tasker.cli.task;

import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.client.json.JsonMappers;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

// No standard --version option here: --version is the template version.
@Command(name = "create",
        description = "Create a task from a registered template, and with --wait wait until it finishes.",
        footer = {"", "Example: tasker-cli task create --namespace linear_workflow --name mathematical_sequence "
                + "--input '{\"even_number\": 6}' --wait",
            "         id=$(tasker-cli task create --namespace linear_workflow --name mathematical_sequence -q)",
            "", "Exit codes: 0 created (with --wait: completed); 1 with --wait: ended in error or cancelled; 2 invalid "
                + "input; 3 no such template; 4 unreachable or not finished within --timeout."})
public class TaskCreateCommand extends SessionCommand {

    private static final String SOURCE_SYSTEM = "tasker-cli";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--namespace", required = true, description = "The template's namespace, e.g. linear_workflow.")
    String namespace;

    @Option(names = "--name", required = true, description = "The template's name, e.g. mathematical_sequence.")
    String name;

    @Option(names = "--version", description = "The template version, e.g. 1.0.0 (default: the newest).")
    String version;

    @Mixin
    TaskInput input;

    @Option(names = "--priority", description = "Higher runs first (default 0).")
    Integer priority;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for the task; repeat for several.")
    List<String> tags;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Repeating a create with the same key returns the first task (default: a new random key, "
                    + "so retries after a lost answer never create two tasks).")
    String idempotencyKey;

    @Option(names = "--wait", description = "Wait until the task finishes (at most --timeout, default 2m).")
    boolean await;

    @Option(names = {"-q", "--quiet"}, description = "Print only the task's UUID (with --wait: once the task has "
            + "ended, the exit code saying how), e.g. id=$(tasker-cli task create ... -q).")
    boolean quiet;

    public TaskCreateCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        TaskRequest request = request(session.host().user());
        session.verbose("creating a task of " + namespace + "/" + name + " at "
                + session.client().config().orchestration().endpoint().baseUrl());
        TaskResponse task = session.client().orchestration().createTask(request);
        if (quiet) {
            int exitCode = await ? TaskWatcher.exitCode(TaskWatcher.await(session, task.taskUuid())) : ExitCodes.OK;
            session.output().value(task.taskUuid().toString());
            return exitCode;
        }
        if (await) {
            session.verbose("created task " + task.taskUuid());
            return TaskWatcher.watch(session, task.taskUuid());
        }
        session.output().print(task, t -> TaskViews.summary(t, session.output().style()));
        return ExitCodes.OK;
    }

    /** Checked here so that a typo is named before anything is sent. */
    TaskRequest request(String initiator) {
        check("--namespace", namespace, TemplateValidator.NAMESPACE, "1-64 characters of a-z, 0-9 and _");
        check("--name", name, TemplateValidator.NAME, "1-128 characters of letters, digits, '_', '.' and '-'");
        if (version != null) {
            check("--version", version, TemplateValidator.VERSION, "a version like 1.0.0");
        }
        if (tags != null && tags.stream().anyMatch(String::isBlank)) {
            throw new CliException(ExitCodes.USAGE, "--tag must not be blank");
        }
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw new CliException(ExitCodes.USAGE, "--idempotency-key must not be blank");
        }
        var context = input.context(JsonMappers.json(), System.in);
        return new TaskRequest(namespace, name, version, context, initiator, SOURCE_SYSTEM, null,
                tags == null ? null : List.copyOf(tags), priority, null, idempotencyKey);
    }

    private static void check(String option, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new CliException(ExitCodes.USAGE, option + " '" + value + "' must be " + expected);
        }
    }
}
