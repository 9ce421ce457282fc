package dev.tasker.cli;

/** A failure the user can act on: printed as one line on stderr, and the process exits with its code. */
public class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
