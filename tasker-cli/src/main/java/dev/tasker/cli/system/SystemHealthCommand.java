package dev.tasker.cli.system;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.client.health.ServiceHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check that the services are ready (database reachable). Without flags, checks all.",
        footer = {"", "Example: tasker-cli system health --orchestration",
            "", "Exit codes: 0 all asked services ready; 4 one is unreachable, not ready or timed out."})
public class SystemHealthCommand extends SessionCommand {

    @Option(names = "--orchestration", description = "Check the orchestration service.")
    boolean orchestration;

    @Option(names = "--workers", description = "Check the worker at --worker-url.")
    boolean workers;

    public SystemHealthCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        boolean all = !orchestration && !workers;
        List<ServiceHealth> results = new ArrayList<>();
        if (all || orchestration) {
            results.add(session.client().orchestration().readiness());
        }
        if (all || workers) {
            results.add(session.client().worker().readiness());
        }
        session.output().print(results, r -> lines(r, session));
        List<ServiceHealth> failed = results.stream().filter(h -> !h.healthy()).toList();
        for (ServiceHealth h : failed) {
            String hint = h.reachable() ? "" : " (check --" + h.service() + "-url or TASKER_"
                    + h.service().toUpperCase(Locale.ROOT) + "_URL, and that the service is running)";
            session.output().note("error: " + h.service() + " at " + h.url() + " is " + h.detail() + hint);
        }
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }

    /** One line per service, no header: the shape scripts and the README have relied on since the first release. */
    private static String lines(List<ServiceHealth> results, Session session) {
        StringBuilder out = new StringBuilder();
        for (ServiceHealth h : results) {
            String verdict = String.format("%-9s", h.healthy() ? "healthy" : "unhealthy");
            out.append(String.format("%-14s %s %-32s %5d ms  %s%n", h.service(),
                    session.output().style().state(verdict), h.url(), h.elapsed().toMillis(), h.detail()));
        }
        return out.toString();
    }
}
