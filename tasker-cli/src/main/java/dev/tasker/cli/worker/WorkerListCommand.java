package dev.tasker.cli.worker;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.NamespaceConverter;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The workers registered with the orchestration: status (active, stale, deregistered), "
                + "namespaces, API URL and last heartbeat.",
        footer = {"", "Example: tasker-cli worker list --namespace linear_workflow"})
public class WorkerListCommand extends SessionCommand {

    @Option(names = "--namespace", converter = NamespaceConverter.class,
            description = "Only workers serving this namespace.")
    String namespace;

    public WorkerListCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var list = session.client().orchestration().workers(namespace);
        session.output().printItems(list, list.workers(), l -> WorkerViews.registry(l.workers(), session.output().style()));
        return ExitCodes.OK;
    }
}
