package dev.tasker.it;

import java.util.List;

/** How a tasker-cli run ended: its exit code and its stdout and stderr, line by line (as Quarkus' LaunchResult). */
final class CliResult {

    private final int exitCode;
    private final List<String> out;
    private final List<String> err;

    CliResult(int exitCode, List<String> out, List<String> err) {
        this.exitCode = exitCode;
        this.out = List.copyOf(out);
        this.err = List.copyOf(err);
    }

    int exitCode() {
        return exitCode;
    }

    List<String> getOutputStream() {
        return out;
    }

    List<String> getErrorStream() {
        return err;
    }

    String getOutput() {
        return String.join("\n", out);
    }

    String getErrorOutput() {
        return String.join("\n", err);
    }
}
