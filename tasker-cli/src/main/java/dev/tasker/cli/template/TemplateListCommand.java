package dev.tasker.cli.template;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.NamespaceConverter;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The template versions registered with the orchestration: namespace, name, version, "
                + "number of steps, when registered. -o jsonl prints one template a line.",
        footer = {"", "Example: tasker-cli template list --namespace linear_workflow",
            "", "Exit codes: 0 listed; 2 invalid --namespace; 4 unreachable; 5 not allowed (needs tasks:read)."})
public class TemplateListCommand extends SessionCommand {

    @Option(names = "--namespace", paramLabel = "NS", converter = NamespaceConverter.class,
            description = "Only this namespace's templates.")
    String namespace;

    public TemplateListCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var list = session.client().orchestration().templates(namespace);
        session.output().printItems(list, list.templates(),
                l -> TemplateViews.list(l.templates(), session.output().style()));
        return ExitCodes.OK;
    }
}
