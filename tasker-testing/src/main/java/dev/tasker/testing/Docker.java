package dev.tasker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the docker CLI. Every call has a deadline, so a hung daemon fails the test that needed it instead of
 * hanging the build; output goes through files, so a chatty command (docker logs) cannot block on a full pipe.
 */
public final class Docker {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public CommandResult run(String... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    public CommandResult run(Duration timeout, String... args) {
        return execute(timeout, false, args);
    }

    /** stderr folded into stdout, in the order the command wrote them (for logs). */
    public CommandResult runMerged(Duration timeout, String... args) {
        return execute(timeout, true, args);
    }

    private static CommandResult execute(Duration timeout, boolean merge, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("tasker-it-docker", ".out");
            err = Files.createTempFile("tasker-it-docker", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile());
            Process process = (merge ? builder.redirectErrorStream(true) : builder.redirectError(err.toFile()))
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            return new CommandResult(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
