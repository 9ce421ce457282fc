package dev.tasker.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@TopCommand
@Command(name = "tasker-cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect and drive a running Tasker system: its orchestration service and workers.",
        footer = {"", ExitCodes.HELP, "", ConfigHelp.TEXT})
public class TaskerCli {

    @Mixin
    GlobalOptions options;

    public GlobalOptions options() {
        return options;
    }
}
