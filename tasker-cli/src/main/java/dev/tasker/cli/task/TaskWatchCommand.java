package dev.tasker.cli.task;

import dev.tasker.api.task.TaskResponse;
import dev.tasker.cli.DurationConverter;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.LiveView;
import dev.tasker.cli.output.OutputFormat;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Follow a task until it is complete, in error or cancelled: in a terminal its state and step "
                + "table are redrawn in place; otherwise each change (the task's state, a step's state or attempt, "
                + "with its error) is printed as one line, or with -o jsonl one JSON object a line. -o json/yaml "
                + "prints only the finished task. Stopping the watch (Ctrl-C) leaves the task running.",
        footer = {"", "Example: tasker-cli task watch 3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b --interval 1s",
            "", "Exit codes (as 'task wait'): 0 the task completed; 1 it ended in error or was cancelled; "
                + "2 invalid arguments; 3 no such task; 4 not finished within --timeout (default 30m), or the "
                + "service is unreachable."})
public class TaskWatchCommand extends SessionCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    @Mixin
    TaskIdParameter task;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "500ms",
            description = "How often the task is read, 100ms to 1m (default 500ms).")
    Duration interval;

    public TaskWatchCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be between 100ms and 1m, got "
                    + interval.toMillis() + "ms");
        }
        UUID id = task.taskId();
        Duration timeout = session.waitTimeout(DEFAULT_TIMEOUT);
        session.verbose("watching task " + id + " every " + interval.toMillis() + " ms for up to "
                + timeout.toSeconds() + " s");
        long start = System.nanoTime();
        OutputFormat format = session.output().format();
        Consumer<TaskResponse> onRead = switch (format) {
            case TABLE -> session.host().interactive() ? redrawn(session, start) : changeLines(session, start, false);
            case JSONL -> changeLines(session, start, true);
            case JSON, YAML -> t -> { };
        };
        TaskResponse done = session.client().orchestration().follow(id, timeout, interval, onRead);
        if (format == OutputFormat.JSON || format == OutputFormat.YAML) {
            session.output().print(done, t -> "");
        }
        return TaskWatcher.exitCode(done);
    }

    private static Consumer<TaskResponse> redrawn(Session session, long start) {
        LiveView view = session.output().liveView();
        return t -> {
            String frame = TaskViews.summary(t, session.output().style()) + "\n"
                    + TaskViews.steps(t.steps(), session.output().style());
            view.show(t.isTerminal() ? frame : frame + "\nwatching for " + elapsedMs(start) / 1000
                    + " s (Ctrl-C stops watching; the task runs on)");
        };
    }

    private static Consumer<TaskResponse> changeLines(Session session, long start, boolean json) {
        TaskChanges changes = new TaskChanges();
        return t -> changes.next(t, elapsedMs(start)).forEach(e -> {
            if (json) {
                session.output().jsonLine(e);
            } else {
                session.output().line(e.line());
            }
        });
    }

    private static long elapsedMs(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
