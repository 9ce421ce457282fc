package dev.tasker.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedHealthsTest {

    private static final Instant AT = Instant.parse("2026-01-31T12:00:00Z");

    private static WorkerStatus status(String state) {
        return new WorkerStatus("w", state, List.of("ns"), AT, 60, 2, 4, 10, 1, "1.0");
    }

    @Test
    void aRecentReportOfARunningWorkerIsHealthy() {
        ReportedHealth h = ReportedHealths.judge(status("running"), AT, 5000, 1200, null);

        assertThat(h.health()).isEqualTo(ReportedHealth.HEALTHY);
        assertThat(h.detail()).isEqualTo("running, 2/4 slots busy, heartbeat 1.2 s ago");
        assertThat(h.heartbeatIntervalMs()).isEqualTo(5000);
    }

    @Test
    void aReportOlderThanOneIntervalAndItsGraceIsUnhealthy() {
        assertThat(ReportedHealths.freshForMs(5000)).isEqualTo(7500);
        assertThat(ReportedHealths.freshForMs(1000)).isEqualTo(2000);
        assertThat(ReportedHealths.judge(status("running"), AT, 5000, 7500, null).healthy()).isTrue();

        ReportedHealth late = ReportedHealths.judge(status("running"), AT, 5000, 7501, null);

        assertThat(late.health()).isEqualTo(ReportedHealth.UNHEALTHY);
        assertThat(late.detail()).isEqualTo("no heartbeat for 7.5 s (it reports every 5.0 s): stopped, frozen or "
                + "cut off from the database");
    }

    @Test
    void aStoppingOrDeregisteredWorkerIsUnhealthy() {
        assertThat(ReportedHealths.judge(status("stopping"), AT, 5000, 100, null).detail())
                .isEqualTo("reported stopping 0.1 s ago");
        assertThat(ReportedHealths.judge(status("running"), AT, 5000, 100, AT).detail())
                .isEqualTo("deregistered at 2026-01-31T12:00:00Z (it stopped)");
    }
}
