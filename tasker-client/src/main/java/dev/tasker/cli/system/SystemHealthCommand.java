package dev.tasker.cli.system;

import dev.tasker.cli.ClientSettings;
import dev.tasker.cli.ConnectionOptions;
import dev.tasker.cli.ExitCodes;
import dev.tasker.client.Endpoint;
import dev.tasker.client.health.HealthProbe;
import dev.tasker.client.health.ServiceHealth;
import dev.tasker.client.orchestration.OrchestrationApi;
import dev.tasker.client.worker.WorkerApi;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check that the services are ready (database reachable). Without flags, checks all.",
        footer = {"", "Exit codes: 0 all asked services ready; 4 one is unreachable, not ready or timed out."})
public class SystemHealthCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--orchestration", description = "Check the orchestration service.")
    boolean orchestration;

    @Option(names = "--workers", description = "Check the worker.")
    boolean workers;

    @Spec
    CommandSpec spec;

    private final ClientSettings settings;

    public SystemHealthCommand(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public Integer call() {
        boolean all = !orchestration && !workers;
        List<ServiceHealth> results = new ArrayList<>();
        if (all || orchestration) {
            Endpoint endpoint = connection.orchestration(settings);
            results.add(HealthProbe.probe(endpoint, OrchestrationApi.class, OrchestrationApi::ready));
        }
        if (all || workers) {
            Endpoint endpoint = connection.worker(settings);
            results.add(HealthProbe.probe(endpoint, WorkerApi.class, WorkerApi::ready));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (ServiceHealth h : results) {
            out.printf("%-14s %-9s %-32s %5d ms  %s%n", h.service(), h.healthy() ? "healthy" : "unhealthy",
                    h.url(), h.elapsed().toMillis(), h.detail());
        }
        out.flush();
        List<ServiceHealth> failed = results.stream().filter(h -> !h.healthy()).toList();
        for (ServiceHealth h : failed) {
            String hint = h.reachable() ? "" : " (check --" + h.service() + "-url or TASKER_"
                    + h.service().toUpperCase() + "_URL, and that the service is running)";
            err.println("error: " + h.service() + " at " + h.url() + " is " + h.detail() + hint);
        }
        err.flush();
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
