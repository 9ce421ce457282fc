package dev.tasker.cli.task;

import picocli.CommandLine.Command;

@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Create, inspect, wait for, watch, retry and cancel tasks.")
public class TaskCommand {
}
