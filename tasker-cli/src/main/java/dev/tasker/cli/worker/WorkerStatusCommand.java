package dev.tasker.cli.worker;

import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import dev.tasker.client.worker.WorkerClient;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "A worker's own status: state, uptime, steps in flight and processed, and its queues. With "
                + "--id, the status it reported with its last heartbeat, from the orchestration's registry (so it "
                + "works where the worker cannot be reached); --direct asks it at its registered API URL, queues "
                + "included. Without --id, the worker at --worker-url is asked.",
        footer = {"", "Example: tasker-cli worker status --id java-integration-worker"})
public class WorkerStatusCommand extends SessionCommand {

    @Option(names = "--id", paramLabel = "WORKER_ID", description = "The worker's id in the registry.")
    String id;

    @Option(names = "--direct", description = "With --id: ask the worker at its registered API URL instead of "
            + "using its last heartbeat report.")
    boolean direct;

    public WorkerStatusCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        WorkerReport report;
        if (id == null) {
            report = report(session.client().worker(), null);
        } else {
            WorkerInfo registered = session.client().orchestration().worker(id);
            if (!direct && registered.reported() != null) {
                report = new WorkerReport(registered.apiUrl(), registered, registered.reported().status(), null,
                        WorkerHealth.HEARTBEAT);
            } else {
                try (WorkerClient worker = session.client().workerAt(RegisteredWorkers.apiUrl(registered))) {
                    report = report(worker, registered);
                }
            }
        }
        session.output().print(report, r -> render(r, session.output().style()));
        return ExitCodes.OK;
    }

    private static WorkerReport report(WorkerClient worker, WorkerInfo registered) {
        return new WorkerReport(worker.endpoint().baseUrl().toString(), registered, worker.status(),
                worker.namespaces(), WorkerHealth.DIRECT);
    }

    private static String render(WorkerReport r, Style style) {
        var s = r.status();
        List<Map.Entry<String, Object>> rows = List.of(
                Map.entry("worker", s.workerId()),
                Map.entry("url", r.url()),
                Map.entry("status", style.state(s.status())),
                Map.entry("registry", r.registration() == null ? "-" : style.state(r.registration().status())),
                Map.entry("version", s.version()),
                Map.entry("started", s.startedAt() + " (up " + s.uptimeSeconds() + " s)"),
                Map.entry("in flight", s.inFlight() + " of " + s.concurrency()),
                Map.entry("processed", s.processed() + " (" + s.failed() + " failed)"),
                Map.entry("from", WorkerHealth.HEARTBEAT.equals(r.source())
                        ? "its last heartbeat, " + r.registration().reported().reportedAt() + " ("
                                + r.registration().reported().health() + ": " + r.registration().reported().detail()
                                + ")"
                        : "the worker itself"));
        if (r.namespaces() == null) {
            return Table.keyValues(rows) + "\nnamespaces: " + String.join(", ", s.namespaces())
                    + " (queue depths: 'tasker-cli system info', or ask the worker with --direct)\n";
        }
        return Table.keyValues(rows) + "\n" + Table.of(r.namespaces())
                .column("NAMESPACE", NamespaceStatus::namespace)
                .stateColumn("HEALTH", NamespaceStatus::healthStatus)
                .column("QUEUE DEPTH", NamespaceStatus::queueDepth)
                .column("IN FLIGHT", NamespaceStatus::inFlight)
                .render(style);
    }
}
