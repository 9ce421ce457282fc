package dev.tasker.cli;

/** The exit codes of every tasker-cli command (listed in {@code --help} and the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The task ended in error or was cancelled, or something unexpected failed. */
    public static final int FAILED = 1;
    /** Bad usage or input, or a request that does not fit the current state (a conflict). */
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /** A service could not be reached, was not ready, or did not answer (or finish a task) in time. */
    public static final int UNAVAILABLE = 4;
    public static final int AUTH = 5;

    public static final String HELP = """
            Exit codes: 0 success (with --wait: the task completed); 1 the task failed or was cancelled, or the \
            service failed; 2 usage or validation error, or a conflict with the current state; 3 not found; \
            4 service unreachable, not ready or timed out; 5 authentication or authorisation failure.""";

    private ExitCodes() {
    }
}
