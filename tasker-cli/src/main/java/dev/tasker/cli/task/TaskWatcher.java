package dev.tasker.cli.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import java.time.Duration;
import java.util.UUID;

/**
 * Waits for a task to finish ({@code task wait}, {@code task create --wait}): live progress on stderr while a
 * person watches, then the final task on stdout. The exit code says how the task ended.
 */
final class TaskWatcher {

    private TaskWatcher() {
    }

    static int watch(Session session, UUID taskUuid) {
        TaskResponse done = await(session, taskUuid);
        session.output().print(done, t -> TaskViews.summary(t, session.output().style()) + "\n"
                + TaskViews.steps(t.steps(), session.output().style()));
        return exitCode(done);
    }

    /** Waits (with progress on stderr for a person watching) and returns the finished task, printing nothing. */
    static TaskResponse await(Session session, UUID taskUuid) {
        Duration timeout = session.waitTimeout();
        long start = System.nanoTime();
        session.verbose("waiting up to " + timeout.toSeconds() + " s for task " + taskUuid);
        TaskResponse done;
        try {
            done = session.client().orchestration().waitForCompletion(taskUuid, timeout, task -> session.progress(
                    "task " + task.taskUuid() + "  " + session.output().style().state(task.status().wire()) + "  "
                            + TaskViews.progress(task) + "  "
                            + Duration.ofNanos(System.nanoTime() - start).toMillis() / 100 / 10.0 + " s"));
        } finally {
            session.endProgress();
        }
        return done;
    }

    /** 0 when the task completed (or was resolved by hand), 1 when it ended in error or was cancelled. */
    static int exitCode(TaskResponse task) {
        if (task.status() == TaskState.COMPLETE || task.status() == TaskState.RESOLVED_MANUALLY) {
            return ExitCodes.OK;
        }
        return ExitCodes.FAILED;
    }
}
