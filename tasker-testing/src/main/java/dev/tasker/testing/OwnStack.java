package dev.tasker.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stack the kit started itself, for a worker project whose tests are not Quarkus tests (or do not start Dev
 * Services): the compose file of {@link StackFiles} plus the project's own, built and started with docker
 * compose, and removed (volumes too) when the JUnit run ends, because it is kept in the run's root store.
 */
final class OwnStack implements ExtensionContext.Store.CloseableResource {

    /** Building the worker's image and starting three JVMs on a busy machine; a hung build fails after this. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(2);

    private final ComposeProject project;
    private final List<String> files;

    private OwnStack(ComposeProject project, List<String> files) {
        this.project = project;
        this.files = files;
    }

    static OwnStack start(ComposeProject project, KitSettings settings) {
        List<String> files = new ArrayList<>();
        files.add(StackFiles.write(settings).toString());
        settings.extraComposeFiles().stream().map(Path::toString).forEach(files::add);
        OwnStack stack = new OwnStack(project, files);
        CommandResult build = stack.compose(START_TIMEOUT, "build", "worker");
        if (!build.succeeded()) {
            throw new IllegalStateException("could not build the image of the worker under test from "
                    + settings.workerContext() + " (is it packaged? failsafe runs after package): "
                    + tail(build.stderr() + build.stdout()));
        }
        CommandResult up = stack.compose(START_TIMEOUT, "up", "-d", "--wait", "--wait-timeout",
                Long.toString(START_TIMEOUT.toSeconds() - 30));
        if (!up.succeeded()) {
            String reason = tail(up.stderr() + up.stdout()) + "\nlast log lines of its services:\n"
                    + tail(stack.compose(Duration.ofSeconds(30), "logs", "--no-color", "--tail", "20").stdout());
            stack.close();
            throw new IllegalStateException("could not start the stack " + project.name() + " (" + files + "): "
                    + reason + (settings.sourceRoot().isPresent() ? "" : "; the images " + settings.postgresImage()
                    + " and " + settings.orchestrationImage() + " must exist, or set tasker.testing.source-root "
                    + "to a Tasker checkout to build them"));
        }
        return stack;
    }

    @Override
    public void close() {
        compose(DOWN_TIMEOUT, "down", "-v", "--remove-orphans", "--timeout", "5");
    }

    private CommandResult compose(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("compose", "-p", project.name()));
        files.forEach(f -> command.addAll(List.of("-f", f)));
        command.addAll(List.of(args));
        return project.docker().run(timeout, command.toArray(String[]::new));
    }

    private static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
