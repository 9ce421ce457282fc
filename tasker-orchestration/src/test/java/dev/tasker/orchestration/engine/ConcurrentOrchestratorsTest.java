package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.TaskState;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.queue.ConsumerLoop;
import dev.tasker.runtime.queue.Messages;
import dev.tasker.runtime.queue.PgQueue;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.runtime.queue.Wakeup;
import dev.tasker.runtime.step.StepExecutionStore;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.testing.Poll;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A second orchestration (its own processor and consumer threads, its own connections) works the same results
 * queue as the service's own consumers while every result is also delivered twice. Every step fails its first
 * attempt (failures are what the orchestration applies; workers apply successes themselves) and succeeds its
 * second: each step is still claimed twice, retried once and completes once.
 */
@QuarkusTest
class ConcurrentOrchestratorsTest {

    static final int TASKS = 10;

    @Inject
    TemplateStore templates;
    @Inject
    Db db;
    @Inject
    PgQueue queue;
    @Inject
    Json json;
    @Inject
    StepExecutionStore store;
    @Inject
    QueueListener listener;
    @Inject
    MeterRegistry metrics;
    @Inject
    ObjectMapper mapper;

    @Test
    void twoOrchestratorsNeverDoubleProcess() throws Exception {
        ResultProcessor second = new ResultProcessor(db, queue, json, new TaskEvaluator(metrics), metrics);
        List<ConsumerLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Wakeup wakeup = new Wakeup();
            listener.register(Set.of(PgQueue.RESULTS_QUEUE), wakeup);
            ConsumerLoop loop = new ConsumerLoop("second-orchestrator-" + i, second::processNext,
                    () -> db.read(c -> queue.nextVisibleAt(c, Set.of(PgQueue.RESULTS_QUEUE))), wakeup,
                    Duration.ofMillis(200));
            loops.add(loop);
            Thread t = new Thread(loop, "second-orchestrator-" + i);
            threads.add(t);
            t.start();
        }
        try {
            Api api = new Api(mapper);
            String ns = TestTemplates.uniqueNamespace("replicas");
            templates.register(TestTemplates.diamond(ns));
            List<UUID> tasks = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                tasks.add(api.create(ns, "diamond_pattern", Api.evenNumber(2)).taskUuid());
            }
            TestWorker worker = new TestWorker(db, queue, store, "replica-test-worker");
            Poll.of("all " + TASKS + " tasks complete", () -> {
                for (TestWorker.Claim claim : worker.claimVisible(ns)) {
                    if (claim.step().attempt() == 1) {
                        worker.fail(claim, "flaky", "first attempts fail", true);
                        duplicate(claim);
                    } else {
                        worker.succeed(claim, JsonNodeFactory.instance.objectNode().put("result", 1));
                    }
                }
                return completeCount(ns);
            }).until(n -> n == TASKS, Duration.ofSeconds(60));

            Map<String, Long> perStep = transitionsPerStepAndState(ns);
            assertThat(perStep).hasSize(TASKS * 4 * 4);
            assertThat(perStep).allSatisfy((key, count) -> assertThat(count).as(key)
                    .isEqualTo(key.endsWith("->enqueued") || key.endsWith("->in_progress") ? 2L : 1L));
            assertThat(tasks).allSatisfy(t -> assertThat(api.get(t).status()).isEqualTo(TaskState.COMPLETE));
        } finally {
            loops.forEach(ConsumerLoop::stop);
            for (Thread t : threads) {
                t.join(5_000);
            }
        }
    }

    private void duplicate(TestWorker.Claim claim) {
        db.inTransaction(c -> {
            queue.send(c, PgQueue.RESULTS_QUEUE, JsonNodeFactory.instance.objectNode()
                    .put("kind", Messages.STEP_RESULT).put("task_uuid", claim.step().taskUuid().toString())
                    .put("step_uuid", claim.step().stepUuid().toString()));
            return null;
        });
    }

    private int completeCount(String ns) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM tasker_tasks WHERE namespace = ? AND status = 'complete'")) {
                ps.setString(1, ns);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** "step_uuid->to_state" (enqueued, in_progress, waiting_for_retry, complete) to how often it was recorded. */
    private Map<String, Long> transitionsPerStepAndState(String ns) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT st.step_uuid || '->' || st.to_state AS k, count(*) AS n
                      FROM tasker_workflow_step_transitions st JOIN tasker_tasks t ON t.task_uuid = st.task_uuid
                     WHERE t.namespace = ?
                       AND st.to_state IN ('enqueued', 'in_progress', 'waiting_for_retry', 'complete')
                     GROUP BY 1""")) {
                ps.setString(1, ns);
                Map<String, Long> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString("k"), rs.getLong("n"));
                    }
                }
                return out;
            }
        });
    }
}
