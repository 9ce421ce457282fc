package dev.tasker.client.error;

import dev.tasker.api.task.TaskResponse;
import java.net.URI;
import java.time.Duration;

/** A task did not reach a terminal state before the caller's deadline; carries the last state seen. */
public final class TaskTimeoutException extends TaskerApiException {

    private final transient TaskResponse lastSeen;

    public TaskTimeoutException(ApiFailure failure, TaskResponse lastSeen) {
        super(failure, null);
        this.lastSeen = lastSeen;
    }

    public static TaskTimeoutException of(String service, URI baseUrl, TaskResponse lastSeen, Duration timeout) {
        String message = "task " + lastSeen.taskUuid() + " did not finish within " + format(timeout)
                + ": last state " + lastSeen.status().wire() + ", " + lastSeen.completedSteps() + "/"
                + lastSeen.totalSteps() + " steps complete";
        return new TaskTimeoutException(new ApiFailure(service, baseUrl, "TIMEOUT", NO_RESPONSE, message), lastSeen);
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The task as last polled. */
    public TaskResponse lastSeen() {
        return lastSeen;
    }
}
