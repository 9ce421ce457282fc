package dev.tasker.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The compose file and worker Dockerfile of a stack the kit starts itself, written into the worker module's
 * {@code target/tasker-testing/} from the templates in this jar, with the {@link KitSettings} filled in.
 */
final class StackFiles {

    private static final String TEMPLATES = "/dev/tasker/testing/stack/";

    private StackFiles() {
    }

    /** Writes both files and returns the compose file. */
    static Path write(KitSettings settings) {
        Path dir = settings.workerContext().resolve("target").resolve("tasker-testing");
        Path dockerfile = dir.resolve("Dockerfile.worker");
        Path compose = dir.resolve("compose.yml");
        String sourceRoot = settings.sourceRoot().map(Path::toString).orElse(null);
        Map<String, String> values = Map.ofEntries(
                Map.entry("@ADMIN_TOKEN@", ItTokens.ADMIN),
                Map.entry("@READER_TOKEN@", ItTokens.READER),
                Map.entry("@POSTGRES_IMAGE@", settings.postgresImage()),
                Map.entry("@POSTGRES_BUILD@", sourceRoot == null ? "" : build(sourceRoot + "/docker/postgres",
                        "Dockerfile.postgres-extensions", "POSTGRES_IMAGE", settings.basePostgresImage())),
                Map.entry("@ORCHESTRATION_IMAGE@", settings.orchestrationImage()),
                Map.entry("@ORCHESTRATION_BUILD@", sourceRoot == null ? "" : build(sourceRoot
                        + "/tasker-orchestration", "src/main/docker/Dockerfile.test", "JRE_IMAGE",
                        settings.jreImage())),
                Map.entry("@WORKER_IMAGE@", settings.workerImage()),
                Map.entry("@WORKER_CONTEXT@", settings.workerContext().toString()),
                Map.entry("@WORKER_DOCKERFILE@", settings.workerContext().relativize(dockerfile).toString()),
                Map.entry("@JRE_IMAGE@", settings.jreImage()),
                Map.entry("@WORKER_ID@", settings.workerId()),
                Map.entry("@NAMESPACES@", settings.namespaces().orElseThrow()));
        try {
            Files.createDirectories(dir);
            Files.writeString(dockerfile, template("Dockerfile.worker", values), StandardCharsets.UTF_8);
            Files.writeString(compose, template("compose.yml", values), StandardCharsets.UTF_8);
            return compose;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's files into " + dir, e);
        }
    }

    private static String build(String context, String dockerfile, String arg, String value) {
        return "    build:\n      context: " + context + "\n      dockerfile: " + dockerfile + "\n      args:\n        "
                + arg + ": " + value + "\n";
    }

    private static String template(String name, Map<String, String> values) throws IOException {
        try (InputStream in = StackFiles.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATES + name + " is missing from the tasker-testing jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace(v.getKey(), v.getValue());
            }
            return text;
        }
    }
}
