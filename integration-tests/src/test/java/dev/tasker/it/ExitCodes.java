package dev.tasker.it;

/** tasker-cli's exit codes as the README's table documents them: what a script that runs the CLI relies on. */
final class ExitCodes {
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int UNAVAILABLE = 4;
    static final int AUTH = 5;

    private ExitCodes() {
    }
}
