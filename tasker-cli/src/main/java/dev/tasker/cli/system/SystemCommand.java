package dev.tasker.cli.system;

import picocli.CommandLine.Command;

@Command(name = "system", mixinStandardHelpOptions = true,
        description = "The system as a whole: health of its services, versions, namespaces, queues and workers.")
public class SystemCommand {
}
