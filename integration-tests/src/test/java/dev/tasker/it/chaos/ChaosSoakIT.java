package dev.tasker.it.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.testing.Container;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chaos soak (issue 18): minutes of mixed load, every example and failure workflow, on two workers while a
 * fault drawn at random strikes every 15 to 30 s (a worker frozen, cut off or killed, PostgreSQL or the
 * orchestration killed), faults overlapping; then {@link HistoryChecker} over the whole history. Not part of
 * {@code ./mvnw verify}: run it with {@code scripts/chaos.sh -m MINUTES} (the Maven profile {@code chaos}).
 */
@QuarkusTest
class ChaosSoakIT {

    private static final String SECOND = "worker-2";
    private static final String SECOND_ID = "java-integration-worker-2";
    private static final List<String> WORKERS = List.of(TaskerStack.WORKER, SECOND);
    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("basedir", "."), "..", "compose-devservices.yml").normalize();
    private static final Path REPORT = Path.of(System.getProperty("basedir", "."), "target", "chaos", "report.txt");

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @AfterEach
    void leaveOneWorkerRunningAndReady() {
        it.stack().project().remove(SECOND);
        healEveryContainer(new ArrayList<>());
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
    }

    @Test
    void mixedLoadUnderRandomOverlappingFaultsKeepsEveryInvariant() throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        System.out.printf("chaos soak: %d min at %.1f tasks/s, seed %d (-Dtasker.chaos.seed=%d draws them again)%n",
                settings.minutes(), settings.tasksPerSecond(), settings.seed(), settings.seed());
        it.stack().project().startProfileService(COMPOSE_FILE, "two-workers", SECOND);
        awaitSecondWorkerActive();
        long started = System.nanoTime();
        Instant soakStart = Instant.now();

        ChaosLoad load = new ChaosLoad(it.run(), new Random(settings.seed()), settings.tasksPerSecond());
        ChaosFaults faults = new ChaosFaults(it.stack(), WORKERS, new Random(settings.seed() + 1));
        load.start();
        faults.start();
        load.awaitLoadEnd(Duration.ofMinutes(settings.minutes()));
        faults.stop();
        load.stop();

        List<String> violations = new ArrayList<>(load.failures());
        violations.addAll(faults.failures());
        healEveryContainer(violations);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
        awaitSecondWorkerActive();
        HistoryChecker checker = new HistoryChecker(it.run());
        checker.check(load.submitted());
        violations.addAll(checker.violations());

        DatabaseDeadlocks deadlocks = DatabaseDeadlocks.in(it.stack().project().logsSince(
                it.stack().project().container(TaskerStack.POSTGRES), soakStart));
        ChaosReport report = new ChaosReport(settings, Duration.ofNanos(System.nanoTime() - started), load, faults,
                checker, deadlocks, violations);
        report.write(REPORT);
        System.out.println(report.render());
        assertThat(load.submitted()).as("tasks the load created").isNotEmpty();
        assertThat(faults.injected()).as("faults injected").hasSizeGreaterThanOrEqualTo(settings.minutes());
        assertThat(violations).as("invariant violations of the chaos soak (report: %s)", REPORT).isEmpty();
    }

    private void awaitSecondWorkerActive() {
        Poll.of(SECOND_ID + " to be registered as active", () -> it.stack().registryStatus(SECOND_ID))
                .every(Duration.ofSeconds(1)).until("active"::equals, TaskerStack.READY_TIMEOUT);
    }

    /**
     * Every fault heals itself; a container found stopped here exited on its own, which services must not do (a
     * violation), and is started so that the checks can go on.
     */
    private void healEveryContainer(List<String> violations) {
        for (Container c : it.stack().project().containers()) {
            if (c.state().equals("paused")) {
                violations.add(c.service() + " was left paused");
                it.stack().unpause(c.service());
            } else if (!c.running()) {
                violations.add(c.service() + " exited on its own (" + c.status() + ")");
                it.stack().start(c.service());
            }
        }
    }
}
