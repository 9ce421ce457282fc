package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.Poll;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Counts, with pg_stat_statements, the statements (database round trips) the orchestration spends applying a
 * step's result, and guards the count. The numbers are logged for the record.
 */
@QuarkusTest
class RoundTripsTest {

    private static final Logger LOG = Logger.getLogger(RoundTripsTest.class);
    static final int TASKS = 10;
    static final int STEPS = TASKS * 4;

    /** Orchestration statements on the result path, by a fragment of their SQL. */
    static final Map<String, String> RESULT_PATH = new LinkedHashMap<>();

    static {
        // pg_stat_statements replaces literals by $n too, so the fragments avoid them.
        RESULT_PATH.put("take result message", "DELETE FROM tasker_queue_messages WHERE msg_id = (SELECT msg_id FROM tasker_queue_messages WHERE queue = $1 AND visible_at <= clock_timestamp()");
        RESULT_PATH.put("lock task and step", "SELECT t.task_uuid, t.status, t.namespace, s.current_state%FOR UPDATE OF t, s");
        RESULT_PATH.put("move step (guarded) + transition", "WITH moved AS (%UPDATE tasker_workflow_steps%SET current_state = $1, claimed_by =%");
        RESULT_PATH.put("enqueue ready steps + count", "WITH ready AS (%");
        RESULT_PATH.put("task state (on change) + transition", "WITH moved AS (%UPDATE tasker_tasks%");
    }

    @Inject
    Fixture fx;

    @Test
    void applyingAStepResultTakesFewStatements() {
        Api api = fx.api();
        String ns = TestTemplates.uniqueNamespace("trips");
        fx.templates().register(TestTemplates.linear(ns));
        TestWorker worker = fx.worker("round-trip-worker");
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        execute("SELECT pg_stat_statements_reset()");

        for (int i = 0; i < TASKS; i++) {
            api.create(ns, "mathematical_sequence", Api.evenNumber(2));
        }
        Poll.until("all tasks complete", () -> {
            worker.claimVisible(ns).forEach(c -> worker.succeed(c, JsonNodeFactory.instance.objectNode()
                    .put("result", 1)));
            return countComplete(ns);
        }, n -> n == TASKS, Duration.ofSeconds(30));

        long total = 0;
        StringBuilder report = new StringBuilder("orchestration statements per step result (" + STEPS + " steps):\n");
        for (Map.Entry<String, String> e : RESULT_PATH.entrySet()) {
            long[] callsAndRows = stats(e.getValue());
            // The take statement also runs when the queue is empty; only the calls that took a message count.
            long perStepCalls = e.getKey().startsWith("take") ? callsAndRows[1] : callsAndRows[0];
            total += perStepCalls;
            report.append(String.format("  %-38s %5d calls  %.2f per step%n", e.getKey(), perStepCalls,
                    perStepCalls / (double) STEPS));
        }
        long commits = STEPS; // one transaction per result message: its COMMIT is one more round trip
        report.append(String.format("  %-38s %5d        %.2f per step%n", "commit", commits, 1.0));
        double perStep = (total + commits) / (double) STEPS;
        report.append(String.format("  total %.2f round trips per step%n", perStep));
        LOG.info(report);
        System.out.println(report);

        assertThat(stats(RESULT_PATH.get("take result message"))[1]).isEqualTo(STEPS);
        assertThat(stats(RESULT_PATH.get("lock task and step"))[0]).isEqualTo(STEPS);
        assertThat(stats(RESULT_PATH.get("enqueue ready steps + count"))[0]).isEqualTo(STEPS);
        assertThat(perStep).isLessThanOrEqualTo(5.5);

        // The same run shows in the service's metrics.
        String metrics = io.restassured.RestAssured.get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("tasker_tasks_created_total", "tasker_steps_total{outcome=\"complete\"}",
                "tasker_tasks_finished_total{status=\"complete\"}", "tasker_step_duration_seconds_bucket");
        assertThat(Poll.until("queue depth gauges (refreshed by the sweeper)", () -> io.restassured.RestAssured
                .get("/metrics").then().extract().asString(), m -> m.contains("tasker_queue_depth{"),
                Duration.ofSeconds(10))).contains("tasker_queue_depth{queue=");
    }

    private long[] stats(String pattern) {
        return fx.db().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT coalesce(sum(calls), 0), coalesce(sum(rows), 0) FROM pg_stat_statements
                     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND regexp_replace(query, '\\s+', ' ', 'g') LIKE ?""")) {
                ps.setString(1, "%" + pattern.replaceAll("\\s+", " ") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        });
    }

    private int countComplete(String ns) {
        return fx.db().read(c -> {
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

    private void execute(String sql) {
        fx.db().read(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
                return null;
            }
        });
    }
}
