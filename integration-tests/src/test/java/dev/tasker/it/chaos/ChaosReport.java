package dev.tasker.it.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The soak's counts, as printed and written to target/chaos/report.txt for scripts/chaos.sh to show. */
record ChaosReport(ChaosSettings settings, Duration took, ChaosLoad load, ChaosFaults faults,
        HistoryChecker checker, DatabaseDeadlocks deadlocks, List<String> violations) {

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("chaos soak: %d min of load at %.1f tasks/s, seed %d, faults every %d-%d s, "
                        + "%s in all%n", settings.minutes(), settings.tasksPerSecond(), settings.seed(),
                ChaosFaults.FIRST_GAP.toSeconds(), ChaosFaults.LAST_GAP.toSeconds(), minutes(took)));

        List<SubmittedTask> tasks = load.submitted();
        Map<TaskKind, Long> byKind = tasks.stream()
                .collect(Collectors.groupingBy(SubmittedTask::kind, () -> new EnumMap<>(TaskKind.class),
                        Collectors.counting()));
        out.append(String.format("tasks: %d created (%d requests answered only after a retry, %d ticks skipped "
                + "with %d requests open)%n", tasks.size(), load.retriedRequests(), load.skippedTicks(),
                ChaosLoad.IN_FLIGHT));
        Map<Verdict, Integer> total = new EnumMap<>(Verdict.class);
        checker.verdicts().values().forEach(m -> m.forEach((v, n) -> total.merge(v, n, Integer::sum)));
        out.append(String.format("outcomes: %d as expected, %d errors where faults spent the retry limit, "
                        + "%d violations%n", total.getOrDefault(Verdict.AS_EXPECTED, 0),
                total.getOrDefault(Verdict.SPENT_BY_FAULTS, 0), total.getOrDefault(Verdict.VIOLATION, 0)));
        byKind.forEach((kind, n) -> {
            Map<Verdict, Integer> v = checker.verdicts().getOrDefault(kind, Map.of());
            out.append(String.format("  %-20s %5d  (%d as expected, %d spent by faults, %d violations)%n", kind,
                    n, v.getOrDefault(Verdict.AS_EXPECTED, 0), v.getOrDefault(Verdict.SPENT_BY_FAULTS, 0),
                    v.getOrDefault(Verdict.VIOLATION, 0)));
        });

        List<InjectedFault> injected = faults.injected();
        Map<FaultKind, Long> byFault = injected.stream().collect(Collectors.groupingBy(InjectedFault::kind,
                () -> new EnumMap<>(FaultKind.class), Collectors.counting()));
        out.append(String.format("faults: %d injected%n", injected.size()));
        for (FaultKind kind : FaultKind.values()) {
            out.append(String.format("  %-26s %3d  (%d-%d s each)%n", kind.label(), byFault.getOrDefault(kind, 0L),
                    kind.shortest().toSeconds(), kind.longest().toSeconds()));
        }
        out.append("invariants:\n");
        checker.invariants().forEach((name, verdict) -> out.append("  ").append(name).append(": ").append(verdict)
                .append('\n'));
        out.append(String.format("deadlocks PostgreSQL broke (each aborted a statement: a worker retries its claim or report, an "
                + "API call answered 500 and the load asked again): %d%n",
                deadlocks.count()));
        deadlocks.abortedStatements().forEach((statement, n) -> out.append(String.format("  %4d  %s%n", n,
                statement)));
        out.append(String.format("violations: %d%n", violations.size()));
        violations.stream().limit(50).forEach(v -> out.append("  ").append(v).append('\n'));
        if (violations.size() > 50) {
            out.append("  ... and ").append(violations.size() - 50).append(" more\n");
        }
        out.append("fault timeline (seconds into the soak, fault, service, how long):\n");
        injected.stream().sorted((a, b) -> Long.compare(a.atSecond(), b.atSecond()))
                .forEach(f -> out.append("  ").append(f).append('\n'));
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, render());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chaos report to " + file, e);
        }
    }

    private static String minutes(Duration d) {
        return String.format("%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
}
