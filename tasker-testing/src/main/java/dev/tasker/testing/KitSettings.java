package dev.tasker.testing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the kit finds or makes the stack, from system properties (a worker project sets them in its failsafe
 * configuration). With {@code tasker.testing.worker.namespaces} set, the kit starts a stack of its own when none
 * runs for this test run: PostgreSQL and the orchestration from Tasker's images and the worker built from the
 * module under test ({@link StackFiles}). Without it, it expects the stack Quarkus Compose Dev Services started.
 *
 * @param workerContext the worker's module directory, with its packaged target/quarkus-app
 *     ({@code tasker.testing.worker.context}; default: the module under test, failsafe's {@code basedir})
 * @param workerId the worker's TASKER_WORKER_ID ({@code tasker.testing.worker.id})
 * @param namespaces the worker's namespaces, comma-separated ({@code tasker.testing.worker.namespaces}); the
 *     stack passes them as {@code TASKER_NAMESPACES}, which overrides those the worker takes from its templates
 * @param sourceRoot a Tasker checkout to build the PostgreSQL and orchestration images from when they are not
 *     there ({@code tasker.testing.source-root}); without it they must exist under their names
 * @param extraComposeFiles compose files applied after the kit's ({@code tasker.testing.compose-files})
 */
public record KitSettings(Path workerContext, String workerId, Optional<String> namespaces, String workerImage,
        String orchestrationImage, String postgresImage, String jreImage, String basePostgresImage,
        Optional<Path> sourceRoot, List<Path> extraComposeFiles) {

    /** Set for a reused stack ({@link StackReuse}): the kit leaves a stack it started running at the end. */
    static final String KEEP_STACK = "tasker.testing.keep-stack";

    /** The integration worker of compose-devservices.yml, the stack this project's own suite runs. */
    public static final String PROJECT_WORKER_ID = "java-integration-worker";

    public static KitSettings fromSystemProperties() {
        Path basedir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Optional<String> namespaces = property("tasker.testing.worker.namespaces");
        return new KitSettings(
                property("tasker.testing.worker.context").map(p -> basedir.resolve(p).normalize()).orElse(basedir),
                property("tasker.testing.worker.id").orElse(namespaces.isPresent() ? "tasker-test-worker"
                        : PROJECT_WORKER_ID),
                namespaces,
                property("tasker.testing.worker-image").orElse("tasker-test/worker-" + basedir.getFileName()
                        .toString().toLowerCase().replaceAll("[^a-z0-9_.-]", "-") + ":latest"),
                property("tasker.testing.orchestration-image").orElse("tasker/orchestration-test:latest"),
                property("tasker.testing.postgres-image").orElse("tasker/postgres:latest"),
                property("tasker.testing.jre-image").or(() -> env("TASKER_JRE_IMAGE")).orElse("eclipse-temurin:17-jre"),
                property("tasker.testing.base-postgres-image").or(() -> env("TASKER_POSTGRES_IMAGE"))
                        .orElse("postgres:15"),
                property("tasker.testing.source-root").map(p -> basedir.resolve(p).normalize()),
                property("tasker.testing.compose-files").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(p -> basedir.resolve(p).normalize()).toList())
                        .orElse(List.of()));
    }

    /** Whether the kit starts the stack itself (a worker project) rather than finding one Dev Services started. */
    public boolean startsItsOwnStack() {
        return namespaces.isPresent();
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
