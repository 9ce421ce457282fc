package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Counts, with pg_stat_statements, what applying a successful step costs: one round trip from the worker (the
 * {@code tasker_complete_step} call, which runs one readiness query inside), and nothing from the orchestration,
 * whose results queue sees no message. The numbers are logged for the record.
 */
@QuarkusTest
class RoundTripsTest {

    private static final Logger LOG = Logger.getLogger(RoundTripsTest.class);
    static final int TASKS = 10;
    static final int STEPS = TASKS * 4;

    // pg_stat_statements replaces literals by $n too, so the fragments avoid them; track=all counts the
    // statements inside functions as well.
    static final String REPORT = "SELECT * FROM tasker_complete_step($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)";
    static final String READINESS = "WITH ready AS (%";
    static final String TAKE_RESULT = "DELETE FROM tasker_queue_messages WHERE msg_id = (SELECT msg_id FROM "
            + "tasker_queue_messages WHERE queue = $1 AND visible_at <= clock_timestamp()";

    @Inject
    Fixture fx;

    @Test
    void aSuccessfulStepCostsOneRoundTripAndNoOrchestrationHop() {
        Api api = fx.api();
        String ns = TestTemplates.uniqueNamespace("trips");
        fx.templates().register(TestTemplates.linear(ns));
        TestWorker worker = fx.worker("round-trip-worker");
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        execute("SELECT pg_stat_statements_reset()");

        for (int i = 0; i < TASKS; i++) {
            api.create(ns, "mathematical_sequence", Api.evenNumber(2));
        }
        Poll.of("all tasks complete", () -> {
            worker.claimVisible(ns).forEach(c -> worker.succeed(c, JsonNodeFactory.instance.objectNode()
                    .put("result", 1)));
            return countComplete(ns);
        }).until(n -> n == TASKS, Duration.ofSeconds(30));

        long reports = stats(REPORT)[0];
        long readinessQueries = stats(READINESS)[0];
        long resultsTaken = stats(TAKE_RESULT)[1];
        String report = String.format("per successful step (%d steps): worker round trips %.2f, readiness queries "
                + "%.2f, result messages the orchestration took %d%n", STEPS,
                reports / (double) STEPS, readinessQueries / (double) STEPS, resultsTaken);
        LOG.info(report);

        assertThat(reports).isEqualTo(STEPS);
        assertThat(readinessQueries).isEqualTo(STEPS);
        assertThat(resultsTaken).isZero();

        String metrics = io.restassured.RestAssured.get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("tasker_tasks_created_total");
        assertThat(Poll.of("queue depth gauges (refreshed by the sweeper)", () -> io.restassured.RestAssured
                .get("/metrics").then().extract().asString())
                .until(m -> m.contains("tasker_queue_depth{"), Duration.ofSeconds(10)))
                .contains("tasker_queue_depth{queue=");
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
