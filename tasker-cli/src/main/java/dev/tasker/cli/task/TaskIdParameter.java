package dev.tasker.cli.task;

import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.UuidConverter;
import java.util.UUID;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The task a command is about, checked to be a UUID before any request is sent: positional ({@code task get ID})
 * or, as the seed's command lines write it, {@code --id ID}.
 */
public class TaskIdParameter {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASK_ID", converter = UuidConverter.class,
            description = "The task's UUID (task_uuid), as 'task create' and 'task list' print it.")
    UUID positional;

    @Option(names = "--id", paramLabel = "TASK_ID", converter = UuidConverter.class,
            description = "The same as the positional TASK_ID.")
    UUID option;

    /** Whether a task was named at all (bulk commands select by filter instead). */
    public boolean given() {
        return positional != null || option != null;
    }

    public UUID taskId() {
        if (positional == null && option == null) {
            throw new CliException(ExitCodes.USAGE, "which task? give its UUID: TASK_ID or --id TASK_ID "
                    + "('tasker-cli task list' shows recent tasks)");
        }
        if (positional != null && option != null && !positional.equals(option)) {
            throw new CliException(ExitCodes.USAGE, "two different tasks given (TASK_ID " + positional + " and --id "
                    + option + "): give one");
        }
        return positional != null ? positional : option;
    }
}
