package dev.tasker.cli;

import dev.tasker.cli.system.SystemCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "tasker-cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect and drive a running Tasker system: its orchestration service and workers.",
        footer = {"", ExitCodes.HELP},
        subcommands = {SystemCommand.class})
public class TaskerCli {
}
