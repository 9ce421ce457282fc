package dev.tasker.cli;

import dev.tasker.cli.config.ConfigCommand;
import dev.tasker.cli.step.StepCommand;
import dev.tasker.cli.system.SystemCommand;
import dev.tasker.cli.task.TaskCommand;
import dev.tasker.cli.template.TemplateCommand;
import dev.tasker.cli.worker.WorkerCommand;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@TopCommand
@Command(name = "tasker-cli", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect and drive a running Tasker system: its orchestration service and workers.",
        footer = {"", ExitCodes.HELP, "", ConfigHelp.TEXT},
        subcommands = {TaskCommand.class, StepCommand.class, TemplateCommand.class, WorkerCommand.class,
            SystemCommand.class, ConfigCommand.class, CompletionCommand.class})
public class TaskerCli {

    @Mixin
    GlobalOptions options;

    public GlobalOptions options() {
        return options;
    }
}
