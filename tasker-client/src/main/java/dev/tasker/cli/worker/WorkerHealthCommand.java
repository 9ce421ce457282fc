package dev.tasker.cli.worker;

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
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Ask workers whether they are ready (/health/ready): the worker at --worker-url, the one "
                + "registered as --id, or --all registered workers (deregistered ones are skipped).",
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

    public WorkerHealthCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        List<WorkerHealth> results = which == null ? List.of(configured(session)) : registered(session);
        session.output().print(results, r -> Table.of(r)
                .column("WORKER", WorkerHealth::workerId)
                .stateColumn("HEALTH", h -> h.health().healthy() ? "healthy" : "unhealthy")
                .column("URL", h -> h.health().url())
                .column("TIME", h -> h.health().elapsedMs() + " ms")
                .textColumn("DETAIL", h -> h.health().detail())
                .render(session.output().style()));
        List<WorkerHealth> failed = results.stream().filter(h -> !h.health().healthy()).toList();
        failed.forEach(h -> session.output().note("error: worker " + h.workerId()
                + (h.health().url() == null ? ": " : " at " + h.health().url() + " is ") + h.health().detail()
                + (h.health().reachable() ? "" : " (check that its api_url is reachable from here, or ask it "
                        + "with --worker-url)")));
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    private static WorkerHealth configured(Session session) {
        return new WorkerHealth("(--worker-url)", null, session.client().worker().readiness());
    }

    private List<WorkerHealth> registered(Session session) {
        List<WorkerInfo> workers = which.all
                ? session.client().orchestration().workers(null).workers().stream()
                        .filter(w -> !WorkerInfo.DEREGISTERED.equals(w.status())).toList()
                : List.of(session.client().orchestration().worker(which.id));
        if (workers.isEmpty()) {
            throw new CliException(ExitCodes.UNAVAILABLE, "no worker is registered with the orchestration at "
                    + session.client().config().orchestration().endpoint().baseUrl()
                    + " (start one, or check 'tasker-cli worker list')");
        }
        List<WorkerHealth> results = new ArrayList<>();
        for (WorkerInfo w : workers) {
            results.add(new WorkerHealth(w.workerId(), w.status(), probe(session, w)));
        }
        return results;
    }

    private static ServiceHealth probe(Session session, WorkerInfo worker) {
        try (WorkerClient client = session.client().workerAt(RegisteredWorkers.apiUrl(worker))) {
            return client.readiness();
        } catch (CliException noUsableUrl) {
            return HealthProbe.unreachable("worker", null, noUsableUrl.getMessage());
        }
    }
}
