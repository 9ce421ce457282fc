package dev.tasker.cli.step;

import picocli.CommandLine.Command;

@Command(name = "step", mixinStandardHelpOptions = true,
        description = "Act on one step of a task.")
public class StepCommand {
}
