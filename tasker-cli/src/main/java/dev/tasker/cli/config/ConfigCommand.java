package dev.tasker.cli.config;

import picocli.CommandLine.Command;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "The CLI's own configuration: show what applies and why, or write a config file to start from.")
public class ConfigCommand {
}
