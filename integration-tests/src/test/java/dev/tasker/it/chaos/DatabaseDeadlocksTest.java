package dev.tasker.it.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deadlocks of a PostgreSQL 15 log as {@code docker logs --timestamps} gives it (entries of two backends). */
class DatabaseDeadlocksTest {

    private static final String LOG = """
            2026-12-05T15:59:30.976Z 2026-12-05 15:59:30.976 UTC [61] LOG:  checkpoint starting: time
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.977 UTC [57] ERROR:  deadlock detected
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.977 UTC [57] DETAIL:  Process 57 waits for ShareLock on \
            transaction 727; blocked by process 65.
            2026-12-05T15:59:30.977Z \tProcess 65 waits for ShareLock on transaction 726; blocked by process 57.
            2026-12-05T15:59:30.977Z \tProcess 57: SELECT * FROM tasker_complete_step($1, $2, $3::jsonb, $4::jsonb,
            2026-12-05T15:59:30.977Z \t    $5, $6, $7, $8)
            2026-12-05T15:59:30.977Z \tProcess 65: SELECT * FROM tasker_claim_messages($1, $2, $3, $4)
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.977 UTC [57] HINT:  See server log for query details.
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.978 UTC [64] LOG:  connection received: host=10.0.0.7
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.977 UTC [57] CONTEXT:  while deleting tuple (0,4) in \
            relation "tasker_queue_messages"
            2026-12-05T15:59:30.977Z 2026-12-05 15:59:30.977 UTC [57] STATEMENT:  SELECT * FROM \
            tasker_complete_step($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)
            2026-12-05T15:59:41.101Z 2026-12-05 15:59:41.101 UTC [70] ERROR:  deadlock detected
            2026-12-05T15:59:41.101Z 2026-12-05 15:59:41.101 UTC [70] STATEMENT:  SELECT * FROM \
            tasker_complete_step($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)
            2026-12-05T15:59:52.300Z 2026-12-05 15:59:52.300 UTC [71] ERROR:  deadlock detected
            2026-12-05T15:59:52.300Z 2026-12-05 15:59:52.300 UTC [71] STATEMENT:          WITH open AS (
            2026-12-05T15:59:52.300Z \t    SELECT step_uuid, current_state FROM tasker_workflow_steps
            2026-12-05T15:59:53.000Z 2026-12-05 15:59:53.000 UTC [72] ERROR:  duplicate key value violates unique
            """;

    @Test
    void countsEachDeadlockByTheStatementItsBackendAborted() {
        DatabaseDeadlocks deadlocks = DatabaseDeadlocks.in(LOG);

        assertThat(deadlocks.count()).isEqualTo(3);
        assertThat(deadlocks.abortedStatements()).isEqualTo(Map.of(
                "SELECT * FROM tasker_complete_step($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8)", 2,
                "WITH open AS (", 1));
    }

    @Test
    void aLogWithoutDeadlocksCountsNone() {
        DatabaseDeadlocks deadlocks = DatabaseDeadlocks.in("2026-12-05 15:59:24.137 UTC [1] LOG:  database system is "
                + "ready to accept connections\n");

        assertThat(deadlocks.count()).isZero();
        assertThat(deadlocks.abortedStatements()).isEmpty();
    }
}
