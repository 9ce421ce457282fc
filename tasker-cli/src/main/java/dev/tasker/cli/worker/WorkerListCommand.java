package dev.tasker.cli.worker;

import dev.tasker.api.template.TemplateValidator;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The workers registered with the orchestration: status (active, stale, deregistered), "
                + "namespaces, API URL and last heartbeat.",
        footer = {"", "Example: tasker-cli worker list --namespace linear_workflow"})
public class WorkerListCommand extends SessionCommand {

    @Option(names = "--namespace", description = "Only workers serving this namespace.")
    String namespace;

    public WorkerListCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (namespace != null && !TemplateValidator.NAMESPACE.matcher(namespace).matches()) {
            throw new ParameterException(spec.commandLine(), "--namespace '" + namespace
                    + "' must be 1-64 characters of a-z, 0-9 and _");
        }
        var list = session.client().orchestration().workers(namespace);
        session.output().printItems(list, list.workers(), l -> WorkerViews.registry(l.workers(), session.output().style()));
        return ExitCodes.OK;
    }
}
