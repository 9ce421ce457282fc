package dev.tasker.testing;

import java.util.List;

/** What one finished command printed and how it exited. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** stdout, or a failure naming the command, its exit code and its stderr. */
    public String stdoutOrFail() {
        if (!succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ": "
                    + stderr.strip());
        }
        return stdout;
    }
}
