package dev.tasker.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.runtime.db.Db;
import dev.tasker.testing.Poll;
import dev.tasker.worker.fixture.SecondWorker;
import dev.tasker.worker.fixture.SleepHandler;
import dev.tasker.worker.fixture.StepRows;
import dev.tasker.worker.fixture.StepRows.Message;
import dev.tasker.worker.fixture.StepRows.Step;
import dev.tasker.worker.fixture.StepRows.Transition;
import dev.tasker.worker.fixture.TaskFixture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Stopping a consumer: it claims nothing more, a step that finishes within the grace period is reported as
 * usual, and the steps still running after it are interrupted and handed back (enqueued again, the attempt not
 * counted, a fresh queue message), so nothing is left in_progress, not even by a claim that lands late.
 */
@QuarkusTest
class GracefulShutdownTest {

    private static final String TEMPLATE_NAME = "sleep";
    private static final List<String> CLAIMED_AND_RELEASED = List.of("enqueued", "in_progress", "enqueued");
    private static final Duration GRACE = Duration.ofSeconds(1);
    /** Well inside the grace period, and long enough to be seen running before stop() is called. */
    private static final int FAST_SLEEP_MS = 300;

    @Inject
    TaskFixture fixture;
    @Inject
    StepRows rows;
    @Inject
    SecondWorker secondWorker;
    @Inject
    Db db;

    /**
     * Registers, in a namespace only the test's own consumer serves (so the application's consumer cannot take
     * the steps), a one-step template running the sleep handler with a timeout far beyond the test, so that only
     * the shutdown can end its sleep.
     */
    private String privateNamespace(String namespace) {
        fixture.register(new TaskTemplate(namespace, TEMPLATE_NAME, "1.0.0", "A slow step with a long timeout",
                null, List.of(new StepTemplate("sleep_step", "Sleeps sleep_ms", SleepHandler.NAME, List.of(),
                        new RetryPolicy(true, 1, 100L, 1000L), 600, null))));
        return namespace;
    }

    private StepConsumer startConsumer(String workerId, String namespace) {
        StepConsumer consumer = secondWorker.consumer(secondWorker.config(workerId).withNamespaces(namespace));
        consumer.start();
        return consumer;
    }

    private static JsonNode sleep(int millis) {
        return JsonNodeFactory.instance.objectNode().put("sleep_ms", millis);
    }

    @Test
    void stopLetsShortStepsFinishAndHandsBackTheRest() {
        String namespace = privateNamespace("graceful_shutdown");
        StepConsumer consumer = startConsumer("graceful-shutdown-worker", namespace);
        List<UUID> slowTasks;
        UUID fastTask;
        Set<Long> claimedMessages;
        Duration stopTook;
        try {
            slowTasks = fixture.create(namespace, TEMPLATE_NAME, List.of(sleep(300_000), sleep(300_000)));
            Poll.of("both slow steps running", consumer::inFlight).until(n -> n == 2, Duration.ofSeconds(15));
            fastTask = fixture.create(namespace, TEMPLATE_NAME, sleep(FAST_SLEEP_MS));
            // Its step runs for 300 ms only: look every 5 ms so as not to miss it.
            Poll.of("the fast step running too", consumer::inFlight).every(Duration.ofMillis(5))
                    .until(n -> n == 3, Duration.ofSeconds(15));
            claimedMessages = rows.stepMessages(slowTasks).stream().map(Message::msgId).collect(Collectors.toSet());

            long start = System.nanoTime();
            consumer.stop(GRACE);
            stopTook = Duration.ofNanos(System.nanoTime() - start);
        } finally {
            consumer.stop(Duration.ZERO); // only does something when the test failed before its own stop()
        }

        // It waited out the grace period for the slow steps, then interrupted them instead of waiting 5 minutes.
        assertThat(stopTook).isGreaterThanOrEqualTo(GRACE).isLessThan(GRACE.plusSeconds(4));
        assertThat(consumer.status()).isEqualTo(StepConsumer.Status.STOPPED);
        assertThat(consumer.inFlight()).isZero();
        List<UUID> allTasks = new ArrayList<>(slowTasks);
        allTasks.add(fastTask);
        assertThat(rows.rootSteps(allTasks)).extracting(Step::state).doesNotContain("in_progress");

        Step fast = rows.rootStep(fastTask);
        assertThat(fast.state()).isEqualTo("complete");
        assertThat(fast.attempts()).isEqualTo(1);
        assertThat(fast.results().get("slept_ms").asInt()).isEqualTo(FAST_SLEEP_MS);
        assertThat(rows.taskStatuses(List.of(fastTask))).containsExactly("complete");
        assertThat(rows.resultMessages(allTasks)).isEmpty();
        assertThat(rows.stepMessages(List.of(fastTask))).isEmpty();

        List<Step> slow = rows.rootSteps(slowTasks);
        assertThat(slow).hasSize(2).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo("enqueued");
            assertThat(step.attempts()).as("the interrupted attempt does not count").isZero();
            assertThat(step.claimedBy()).isNull();
            List<Transition> transitions = rows.transitions(step.stepUuid());
            assertThat(transitions).extracting(Transition::to)
                    .containsExactlyElementsOf(CLAIMED_AND_RELEASED);
            assertThat(transitions.get(2).metadata().get("released").asText())
                    .isEqualTo("worker graceful-shutdown-worker shutting down");
        });
        // Each slow step has exactly one message again: a new one, visible now, the claimed one acknowledged.
        List<Message> requeued = rows.stepMessages(slowTasks);
        assertThat(requeued).extracting(Message::stepUuid)
                .containsExactlyInAnyOrderElementsOf(slow.stream().map(Step::stepUuid).toList());
        assertThat(requeued).allSatisfy(m -> {
            assertThat(m.visible()).isTrue();
            assertThat(claimedMessages).doesNotContain(m.msgId());
        });
    }

    /**
     * A claim still on its way when stop() looks at what is running (dispatched just before stop(), its UPDATE not
     * through yet) must be handed back as soon as it lands, not run by a consumer that has stopped. Naturally that
     * window is a few milliseconds wide; the test holds the steps' rows locked so that the claims wait until
     * stop() has returned.
     */
    @Test
    void aClaimThatLandsAfterStopIsHandedBackAtOnce() throws SQLException {
        String namespace = privateNamespace("late_claim");
        List<UUID> tasks = fixture.create(namespace, TEMPLATE_NAME, Collections.nCopies(2, sleep(300_000)));
        StepConsumer consumer = secondWorker.consumer(
                secondWorker.config("late-claim-worker").withNamespaces(namespace));
        try (Connection lock = db.dataSource().getConnection()) {
            lock.setAutoCommit(false);
            lockStepRows(lock, tasks);
            consumer.start();
            try {
                // The consumer claims messages and steps in one statement, which now waits on our row locks.
                Poll.of("the consumer's claim waiting on the locked steps", this::claimsWaitingOnLocks)
                        .until(waiting -> waiting > 0, Duration.ofSeconds(15));
            } finally {
                // Nothing runs yet (the claim waits for the lock), so nothing is handed back now; stop() returns
                // after its bound on the dispatcher, which is still blocked in the claim.
                consumer.stop(Duration.ZERO);
            }
            lock.commit();
        }

        List<UUID> stepUuids = rows.rootSteps(tasks).stream().map(Step::stepUuid).toList();
        Poll.of("both late claims handed back",
                () -> stepUuids.stream().map(s -> rows.transitions(s).stream().map(Transition::to).toList()).toList())
                .until(transitions -> transitions.stream().allMatch(CLAIMED_AND_RELEASED::equals),
                        Duration.ofSeconds(10));
        // The release wrote state, attempts and transition in one statement, so these are final now.
        assertThat(rows.rootSteps(tasks)).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo("enqueued");
            assertThat(step.attempts()).isZero();
        });
        assertThat(rows.stepMessages(tasks)).hasSize(2).allMatch(Message::visible);
    }

    private static void lockStepRows(Connection c, List<UUID> tasks) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM tasker_workflow_steps WHERE task_uuid = ANY (?) FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("uuid", tasks.toArray()));
            ps.executeQuery().close();
        }
    }

    private long claimsWaitingOnLocks() {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND query LIKE '%tasker_claim_messages(%'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
