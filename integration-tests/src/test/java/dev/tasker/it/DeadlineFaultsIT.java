package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.client.metrics.PrometheusText;
import dev.tasker.testing.Container;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskerIntegration;
import dev.tasker.testing.TaskerStack;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults that outlast a deadline or strike mid-write, as production meets them: a worker frozen until another
 * takes its steps, a worker cut off until its claims are voided, PostgreSQL killed with SIGKILL, and the
 * orchestration killed while a client that retries is creating tasks. A completed step is never lost, never applied
 * twice, and every task ends. Runs with the other fault tests (after the plain classes) and leaves one worker,
 * every container running and the stack ready.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class DeadlineFaultsIT {

    private static final String SECOND = "worker-2";
    private static final String SECOND_ID = "java-integration-worker-2";
    private static final Path COMPOSE_FILE =
            Path.of(System.getProperty("basedir", "."), "..", "compose-devservices.yml").normalize();
    private static final Duration RECOVERY = FaultChecks.RECOVERY;
    private static final String NOT_RECORDED = "tasker_worker_outcomes_not_recorded_total";
    /** Probes end a dead connection in about 11 s, the next heartbeat follows within 5 s; room for a busy host. */
    private static final Duration HEARTBEATS_AGAIN = Duration.ofSeconds(60);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();
    private final FaultChecks faults = new FaultChecks(it);

    @AfterEach
    void leaveOneWorkerRunningAndReady() {
        it.stack().project().remove(SECOND);
        for (Container c : it.stack().project().containers()) {
            if (c.state().equals("paused")) {
                it.stack().unpause(c.service());
            } else if (!c.running()) {
                it.stack().start(c.service());
            }
        }
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
    }

    /**
     * Frozen (docker pause) past the stack's worker-stale-after (15 s): the orchestration voids its claims and the
     * second worker finishes the batch alone. Thawed, the frozen worker finishes the handlers it was running and
     * reports each; the reports are refused, so nothing is recorded twice.
     */
    @Test
    void aWorkerFrozenPastItsHeartbeatDeadlineIsTakenOverAndItsLateReportsChangeNothing() {
        it.stack().project().startProfileService(COMPOSE_FILE, "two-workers", SECOND);
        Poll.of(SECOND_ID + " to register as active", () -> it.stack().registryStatus(SECOND_ID))
                .every(Duration.ofSeconds(1)).until("active"::equals, TaskerStack.READY_TIMEOUT);
        double refusedBefore = notRecorded();
        LinearBatch batch = faults.startedBatch();

        it.stack().pause(TaskerStack.WORKER);
        long taken;
        try {
            faults.assertSomeStillInFlight(batch);
            batch.assertCompleteWithExactResults(it.run().awaitTerminal(batch.tasks(), RECOVERY));
            taken = faults.claimsTakenFrom(batch, TaskerStack.WORKER_ID);
            assertThat(taken).as("precondition: the frozen worker held claims the orchestration took from it")
                    .isPositive();
        } finally {
            it.stack().unpause(TaskerStack.WORKER);
        }

        Poll.of("the thawed worker to report the " + taken + " steps it was running, and be refused",
                        () -> notRecorded() - refusedBefore)
                .describedBy(n -> n + " refused so far").until(n -> n >= taken, RECOVERY);
        faults.assertAllCompleteOnce(batch);
    }

    /**
     * Cut off the network past its heartbeat deadline and its messages' visibility: its claims are voided while it
     * is away, and once connected again it goes on without a restart and records nothing twice.
     */
    @Test
    void aWorkerCutOffPastItsDeadlinesRecoversWithoutARestart() {
        String startedAt = it.stack().project().startedAt(TaskerStack.WORKER);
        LinearBatch batch = faults.startedBatch();

        it.stack().disconnect(TaskerStack.WORKER);
        try {
            faults.assertSomeStillInFlight(batch);
            Poll.of("the orchestration to void the claims of the worker cut off the network",
                            () -> faults.claimsTakenFrom(batch, TaskerStack.WORKER_ID))
                    .every(Duration.ofSeconds(2)).until(n -> n > 0, RECOVERY);
        } finally {
            it.stack().reconnect(TaskerStack.WORKER);
        }

        // Its connections from before the cut may point at an address it no longer has: the keepalive probes
        // (KeepAliveSocketFactory) end them within about 11 s, so heartbeats resume instead of hanging on them.
        Poll.of("the reconnected worker's heartbeats to make it active again",
                        () -> it.stack().registryStatus(TaskerStack.WORKER_ID))
                .every(Duration.ofSeconds(1)).until("active"::equals, HEARTBEATS_AGAIN);
        faults.assertAllCompleteOnce(batch);
        assertThat(it.stack().project().startedAt(TaskerStack.WORKER)).as("the worker's container start")
                .isEqualTo(startedAt);
    }

    /**
     * SIGKILL, not a clean stop: PostgreSQL recovers from its WAL when started again, the services reconnect by
     * themselves (neither is restarted), and every task that was complete before the kill is still complete, as it
     * was.
     */
    @Test
    void postgresKilledMidBurstLosesNoCommittedResult() {
        LinearBatch batch = faults.startedBatch();
        Map<UUID, String> completeBefore = completed(it.run().ownTasks());

        it.stack().kill(TaskerStack.POSTGRES);
        it.stack().start(TaskerStack.POSTGRES);
        it.stack().awaitReady(TaskerStack.READY_TIMEOUT);

        faults.assertAllCompleteOnce(batch);
        Map<UUID, String> after = completed(it.run().ownTasks());
        assertThat(after).as("tasks complete before the kill, with their completion time").containsAllEntriesOf(
                completeBefore);
        assertThat(completeBefore).as("precondition: some tasks had completed before the kill").isNotEmpty();
    }

    /**
     * The orchestration killed (SIGKILL) and started again while four clients create tasks, each retrying its
     * create with the same idempotency key until it is answered: a create that committed but lost its answer is
     * answered on retry with the task it made, so each key has exactly one task and none is lost.
     */
    @Test
    void anOrchestrationKilledDuringRetriedCreatesCreatesEachTaskOnce() throws Exception {
        Map<String, UUID> byKey = new ConcurrentHashMap<>();
        Map<UUID, Integer> inputs = new ConcurrentHashMap<>();
        AtomicBoolean enough = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> loops = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                String client = "c" + c;
                loops.add(clients.submit(() -> {
                    for (int i = 0; !enough.get(); i++) {
                        int n = 2 + 2 * (i % 50);
                        String key = it.run().id() + "-" + client + "-" + i;
                        UUID task = createRetrying(key, n);
                        byKey.put(key, task);
                        inputs.put(task, n);
                    }
                    return null;
                }));
            }
            Poll.of("the clients to have created tasks", byKey::size).until(n -> n >= 20, Duration.ofSeconds(60));
            it.stack().kill(TaskerStack.ORCHESTRATION);
            int atKill = byKey.size();
            it.stack().start(TaskerStack.ORCHESTRATION);
            it.stack().awaitReady(TaskerStack.READY_TIMEOUT);
            Poll.of("the clients to go on creating after the restart", byKey::size)
                    .until(n -> n >= atKill + 20, RECOVERY);
            enough.set(true);
            for (Future<?> loop : loops) {
                loop.get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        Set<UUID> distinct = new HashSet<>(byKey.values());
        assertThat(distinct).as("tasks, one per idempotency key").hasSize(byKey.size());
        assertThat(it.run().ownTasks()).extracting(TaskSummary::taskUuid).as("tasks listed with this run's tag")
                .containsExactlyInAnyOrderElementsOf(distinct);
        LinearBatch batch = LinearBatch.of(new TreeMap<>(inputs));
        batch.assertCompleteWithExactResults(it.run().awaitTerminal(batch.tasks(), RECOVERY));
        System.out.printf("%s: %d tasks created by retrying clients around the kill, one per key%n", it.run().id(),
                distinct.size());
    }

    /** Creates the task, asking again with the same key until the orchestration answers (it may be down). */
    private UUID createRetrying(String key, int n) {
        TaskRequest request = it.run().mark(TaskRequest.of(Template.LINEAR.namespace(), Template.LINEAR.name(),
                Contexts.evenNumber(n))).withIdempotencyKey(key);
        TaskResponse created = Poll.of("task with idempotency key " + key + " to be created",
                        () -> it.stack().orchestration().createTask(request))
                .every(Duration.ofMillis(100)).until(t -> t != null, RECOVERY);
        it.run().track(created.taskUuid());
        return created.taskUuid();
    }

    private static Map<UUID, String> completed(List<TaskSummary> tasks) {
        return tasks.stream().filter(t -> t.status() == TaskState.COMPLETE)
                .collect(Collectors.toMap(TaskSummary::taskUuid, t -> String.valueOf(t.completedAt())));
    }

    /** The first worker's count of outcomes it reported after its claim had been taken from it. */
    private double notRecorded() {
        return PrometheusText.samplesByLabel(it.stack().worker().metrics(), NOT_RECORDED, "outcome").values().stream()
                .mapToDouble(Double::doubleValue).sum();
    }
}
