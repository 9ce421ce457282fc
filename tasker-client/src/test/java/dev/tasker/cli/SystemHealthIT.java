package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the packaged tasker-cli against the compose stack (postgres, orchestration, worker) of Dev Services. */
@QuarkusMainIntegrationTest
class SystemHealthIT {

    @Test
    @Launch({"system", "health", "--orchestration", "--workers"})
    void reportsBothServicesHealthy(LaunchResult result) {
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutputStream())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("orchestration").contains(" healthy ", "ready"))
                .anySatisfy(line -> assertThat(line).startsWith("worker").contains(" healthy ", "ready"));
        assertThat(result.getErrorOutput()).doesNotContain("error:");
    }

    @Test
    void closedPortFailsFastWithTheUrlInTheMessage(QuarkusMainLauncher launcher) {
        long start = System.nanoTime();
        LaunchResult result = launcher.launch("system", "health", "--orchestration",
                "--orchestration-url", "http://127.0.0.1:1", "--timeout", "5s");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.getErrorOutput())
                .contains("error: orchestration at http://127.0.0.1:1 is not reachable: connection refused");
        assertThat(result.getOutput()).contains("orchestration", "unhealthy");
        assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
    }
}
