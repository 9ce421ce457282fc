package dev.tasker.cli.worker;

import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.Table;
import dev.tasker.client.health.HealthProbe;
import dev.tasker.client.health.ServiceHealth;
import dev.tasker.client.worker.WorkerClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Whether workers are ready: the one registered as --id, or --all registered workers "
                + "(deregistered ones are skipped), as the orchestration's registry judges their heartbeat reports "
                + "(healthy while the last heartbeat is at most about one interval old and says running), so it "
                + "works wherever the orchestration answers; --direct asks each at its registered URL instead "
                + "(/health/ready). Without --id or --all: the worker at --worker-url, asked directly.",
        footer = {"", "Example: tasker-cli worker health --all",
            "", "Exit codes: 0 every asked worker is ready; 3 no such worker; 4 one is unreachable or not ready, "
                + "or none is registered."})
public class WorkerHealthCommand extends SessionCommand {

    static class Which {
        @Option(names = "--id", paramLabel = "WORKER_ID", description = "The worker registered with this id.")
        String id;

        @Option(names = "--all", description = "Every registered worker.")
        boolean all;
    }

    @ArgGroup(exclusive = true)
    Which which;

    @Option(names = "--direct", description = "Ask each registered worker at its API URL (/health/ready) instead "
            + "of the registry's heartbeat report; the URL must be reachable from here.")
    boolean direct;

    public WorkerHealthCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        List<WorkerHealth> results = which == null ? List.of(configured(session)) : registered(session);
        session.output().print(results, r -> Table.of(r)
                .column("WORKER", WorkerHealth::workerId)
                .stateColumn("HEALTH", h -> h.health().healthy() ? "healthy" : "unhealthy")
                .column("FROM", WorkerHealth::source)
                .column("URL", h -> h.health().url())
                .column("TIME", h -> h.health().elapsedMs() + " ms")
                .textColumn("DETAIL", h -> h.health().detail())
                .render(session.output().style()));
        List<WorkerHealth> failed = results.stream().filter(h -> !h.health().healthy()).toList();
        failed.forEach(h -> session.output().note(WorkerHealth.HEARTBEAT.equals(h.source())
                ? "error: worker " + h.workerId() + " is unhealthy: " + h.health().detail()
                        + " (the registry's verdict on its heartbeats; --direct asks the worker itself)"
                : "error: worker " + h.workerId()
                        + (h.health().url() == null ? ": " : " at " + h.health().url() + " is ") + h.health().detail()
                        + (h.health().reachable() ? "" : " (check that its api_url is reachable from here, or ask it "
                                + "with --worker-url)")));
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private static WorkerHealth configured(Session session) {
        return new WorkerHealth("(--worker-url)", null, session.client().worker().readiness(), WorkerHealth.DIRECT);
    }

    private List<WorkerHealth> registered(Session session) {
        List<WorkerInfo> known = which.all ? session.client().orchestration().workers(null).workers()
                : List.of(session.client().orchestration().worker(which.id));
        List<WorkerInfo> workers = which.all
                ? known.stream().filter(w -> !WorkerInfo.DEREGISTERED.equals(w.status())).toList() : known;
        if (workers.isEmpty()) {
            String gone = known.stream().map(WorkerInfo::workerId).collect(Collectors.joining(", "));
            throw new CliException(ExitCodes.UNAVAILABLE, "no worker is registered with the orchestration at "
                    + session.client().config().orchestration().endpoint().baseUrl()
                    + (gone.isEmpty() ? "" : " (deregistered: " + gone + ")")
                    + " (start one, or check 'tasker-cli worker list')");
        }
        List<WorkerHealth> results = new ArrayList<>();
        for (WorkerInfo w : workers) {
            results.add(direct || w.reported() == null
                    ? new WorkerHealth(w.workerId(), w.status(), probe(session, w), WorkerHealth.DIRECT)
                    : new WorkerHealth(w.workerId(), w.status(), fromReport(w), WorkerHealth.HEARTBEAT));
        }
        return results;
    }

    private static ServiceHealth fromReport(WorkerInfo worker) {
        ReportedHealth reported = worker.reported();
        return new ServiceHealth("worker", RegisteredWorkers.apiUrlOrNull(worker), reported.healthy(), true,
                reported.detail(), Duration.ZERO);
    }

    private static ServiceHealth probe(Session session, WorkerInfo worker) {
        try (WorkerClient client = session.client().workerAt(RegisteredWorkers.apiUrl(worker))) {
            return client.readiness();
        } catch (CliException noUsableUrl) {
            return HealthProbe.unreachable("worker", null, noUsableUrl.getMessage());
        }
    }
}
