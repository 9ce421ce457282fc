package dev.tasker.cli.system;

import dev.tasker.api.health.HealthResponse;
import dev.tasker.api.template.NamespaceSummary;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.VersionProvider;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import dev.tasker.cli.worker.WorkerViews;
import dev.tasker.client.TaskerClient;
import dev.tasker.client.error.TaskerApiException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Versions and URLs of the CLI and the services, namespaces with their template counts, queue "
                + "depths and registered workers. The orchestration must answer; an unreachable worker is reported "
                + "as such.",
        footer = {"", "Example: tasker-cli system info -o yaml"})
public class SystemInfoCommand extends SessionCommand {

    private static final String HEALTHY = "healthy";

    private final VersionProvider version;

    public SystemInfoCommand(SessionFactory sessions, VersionProvider version) {
        super(sessions);
        this.version = version;
    }

    @Override
    protected int run(Session session) {
        TaskerClient client = session.client();
        var orchestration = client.orchestration();
        HealthResponse health = orchestration.health();
        List<NamespaceSummary> namespaces = orchestration.namespaces().namespaces();
        SystemInfo info = new SystemInfo(version.version(),
                new SystemInfo.Service(orchestration.endpoint().baseUrl().toString(), HEALTHY, health.version(),
                        null),
                worker(session), namespaces.stream().mapToInt(NamespaceSummary::templateCount).sum(), namespaces,
                queueDepths(session), orchestration.workers(null).workers());
        session.output().print(info, i -> render(i, session.output().style()));
        return ExitCodes.OK;
    }

    private static SystemInfo.Service worker(Session session) {
        String url = session.client().config().worker().endpoint().baseUrl().toString();
        try {
            return new SystemInfo.Service(url, HEALTHY, session.client().worker().health().version(), null);
        } catch (TaskerApiException e) {
            session.output().note("warning: " + e.getMessage() + " (worker details left out; check --worker-url)");
            return new SystemInfo.Service(url, "unreachable", null, e.getMessage());
        }
    }

    private static Map<String, Double> queueDepths(Session session) {
        try {
            return session.client().orchestration().queueDepths();
        } catch (TaskerApiException e) {
            session.output().note("warning: queue depths unavailable: " + e.getMessage());
            return Map.of();
        }
    }

    private static String render(SystemInfo i, Style style) {
        String summary = Table.keyValues(List.of(
                Map.entry("tasker-cli", i.cliVersion()),
                Map.entry("orchestration", describe(i.orchestration(), style)),
                Map.entry("worker", describe(i.worker(), style)),
                Map.entry("templates", i.templateCount() + " in " + i.namespaces().size() + " namespaces")));
        String namespaces = Table.of(i.namespaces())
                .column("NAMESPACE", NamespaceSummary::name)
                .column("TEMPLATES", NamespaceSummary::templateCount)
                .textColumn("DESCRIPTION", NamespaceSummary::description)
                .render(style);
        String queues = i.queueDepths().isEmpty() ? "no queue depths reported\n" : Table.of(i.queueDepths().entrySet())
                .column("QUEUE", Map.Entry::getKey)
                .column("DEPTH", e -> Math.round(e.getValue()))
                .render(style);
        String workers = WorkerViews.registry(i.workers(), style);
        return summary + "\n" + namespaces + "\n" + queues + "\n" + workers;
    }

    private static String describe(SystemInfo.Service s, Style style) {
        return s.url() + "  " + style.state(s.status()) + (s.version() == null ? "" : "  version " + s.version());
    }
}
