package dev.tasker.testing;

import java.io.IOException;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives this test JVM's compose stack a fresh, unique project name and lets every Quarkus test of the JVM find
 * that one stack instead of starting its own.
 * <p>
 * Quarkus Compose Dev Services start one stack per augmentation: the {@code @QuarkusTest} classes share one, but
 * {@code @QuarkusMainIntegrationTest} (the CLI tests) would start a second. With
 * {@code reuse-project-for-tests} a later augmentation first looks for running services of the configured
 * project and uses them, so all test classes share one stack. A fixed name would make concurrent or leftover runs
 * share stacks too, hence a random one per JVM. The name starts with this JVM's pid, so
 * scripts/cleanup-stacks.sh can tell a running test's stack from a leftover. Runs as a launcher session listener (registered in
 * META-INF/services) because the name must be set before discovery, when Quarkus augments and starts Dev
 * Services; system properties are how build-time configuration reaches that augmentation.
 */
public final class ComposeProjectName implements LauncherSessionListener {

    static final String PROPERTY = "quarkus.compose.devservices.project-name";
    static final String REUSE = "quarkus.compose.devservices.reuse-project-for-tests";
    /**
     * Both off for a reused stack, so the next run finds it running: Dev Services would stop it, and the
     * Testcontainers resource reaper (a JVM shutdown hook where Ryuk is disabled) would remove its containers.
     */
    static final String STOP = "quarkus.compose.devservices.stop-services";
    static final String REAPER = "quarkus.compose.devservices.ryuk-enabled";

    private StackReuse reused;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) == null) {
            reused = StackReuse.requested() ? StackReuse.claim().orElse(null) : null;
            if (reused != null) {
                reused.removeStaleStacks(new Docker());
                System.setProperty(PROPERTY, reused.projectName());
                System.setProperty(STOP, "false");
                System.setProperty(REAPER, "false");
                System.setProperty(KitSettings.KEEP_STACK, "true");
                System.err.println("[tasker-testing] reusing the stack " + reused.projectName()
                        + " when it runs, and leaving it running (tasker.testing.reuse)");
            } else {
                System.setProperty(PROPERTY, "tasker-it-" + ProcessHandle.current().pid() + "-"
                        + UUID.randomUUID().toString().substring(0, 8));
            }
        }
        System.setProperty(REUSE, "true");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (reused != null) {
            try {
                reused.close();
            } catch (IOException e) {
                // The lock goes with the process anyway.
            }
        }
    }

    /** The name set for this JVM (a name given with -Dquarkus.compose.devservices.project-name wins). */
    static String current() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(PROPERTY + " is not set: is " + ComposeProjectName.class.getName()
                    + " listed in META-INF/services/org.junit.platform.launcher.LauncherSessionListener?");
        }
        return name;
    }
}
