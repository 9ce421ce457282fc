package dev.tasker.it;

import dev.tasker.testing.ComposeProject;
import dev.tasker.testing.TaskerStack;
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
 * Runs the packaged tasker-cli through its launcher, scripts/tasker-cli, as an operator would (the launcher's class
 * path and class-data archive included), against this run's compose stack: its services' current host ports in
 * TASKER_ORCHESTRATION_URL and TASKER_WORKER_URL, looked up for every run because a restarted container is
 * published on a new port. HOME is an empty directory, so no config file of the machine changes a run. Quarkus
 * would log at INFO, so a test can tell whether a command booted it.
 */
final class CliLauncher {

    /** The slowest command of the suite waits 60 s for a task; the JVM adds about a second. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto "
            + "-Dquarkus.log.level=INFO";

    private final Path launcher = Path.of("..", "scripts", "tasker-cli").toAbsolutePath().normalize();
    private Path home;

    CliResult launch(String... args) {
        if (!Files.isRegularFile(launcher.resolveSibling("../tasker-cli/target/quarkus-app/quarkus-run.jar")
                .normalize())) {
            throw new IllegalStateException("no packaged tasker-cli for " + launcher + ": build tasker-cli first");
        }
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        try {
            Path dir = home();
            Path out = Files.createTempFile(dir, "cli", ".out");
            Path err = Files.createTempFile(dir, "cli", ".err");
            ComposeProject project = ComposeProject.ofThisRun();
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().put("HOME", dir.toString());
            builder.environment().put("TASKER_CLI_JAVA_OPTS", JAVA_OPTIONS);
            builder.environment().put("TASKER_ORCHESTRATION_URL",
                    "http://localhost:" + project.hostPort(TaskerStack.ORCHESTRATION, 8080));
            builder.environment().put("TASKER_WORKER_URL",
                    "http://localhost:" + project.hostPort(TaskerStack.WORKER, 8081));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tasker-cli " + String.join(" ", args) + " did not exit within "
                        + DEADLINE.toSeconds() + " s; its output so far: " + Files.readString(out)
                        + Files.readString(err));
            }
            return new CliResult(process.exitValue(), lines(out), lines(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tasker-cli ran", e);
        }
    }

    private synchronized Path home() throws IOException {
        if (home == null) {
            home = Files.createTempDirectory("tasker-cli-it-home");
        }
        return home;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }
}
