package dev.tasker.cli.task;

import dev.tasker.cli.UuidConverter;
import java.util.UUID;
import picocli.CommandLine.Parameters;

/** The task a command is about, checked to be a UUID before any request is sent. */
public class TaskIdParameter {

    @Parameters(index = "0", paramLabel = "TASK_ID", converter = UuidConverter.class,
            description = "The task's UUID (task_uuid), as 'task create' and 'task list' print it.")
    UUID taskId;

    public UUID taskId() {
        return taskId;
    }
}
