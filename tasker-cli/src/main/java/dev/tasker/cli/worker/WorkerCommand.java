package dev.tasker.cli.worker;

import picocli.CommandLine.Command;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "The workers: the orchestration's registry, and each worker's own status and health.")
public class WorkerCommand {
}
