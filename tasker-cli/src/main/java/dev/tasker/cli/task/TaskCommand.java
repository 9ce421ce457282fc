package dev.tasker.cli.task;

import picocli.CommandLine.Command;

@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Create, inspect, wait for, watch, retry and cancel tasks.",
        subcommands = {TaskCreateCommand.class, TaskGetCommand.class, TaskListCommand.class, TaskCancelCommand.class,
            TaskWaitCommand.class, TaskWatchCommand.class, TaskRetryCommand.class, TaskStepsCommand.class,
            TaskHistoryCommand.class, TaskGraphCommand.class})
public class TaskCommand {
}
