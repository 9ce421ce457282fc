package dev.tasker.cli.task;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How a command acts on many tasks: the filter, how many at most, a preview, and the confirmation. */
public class BulkOptions {

    @Mixin
    TaskFilterOptions filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "With filters: act on at most N tasks, the newest (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--dry-run", description = "With filters: show how many tasks match and which would be acted "
            + "on, and change nothing.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "With filters: act without asking (needed without a terminal).")
    boolean yes;
}
