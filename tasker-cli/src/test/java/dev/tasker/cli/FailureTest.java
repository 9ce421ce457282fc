package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.TaskState;
import dev.tasker.client.config.ConfigException;
import dev.tasker.client.error.AccessDeniedException;
import dev.tasker.client.error.ApiFailure;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.error.InvalidRequestException;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.error.ServerFailureException;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.client.error.UnavailableException;
import dev.tasker.client.scripted.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureTest {

    private static final URI URL = URI.create("http://localhost:8080");

    private static ApiFailure failure(String code, int status, String message) {
        return new ApiFailure("orchestration", URL, code, status, message);
    }

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertThat(Failure.of(new NotFoundException(failure("NOT_FOUND", 404, "task x not found"), null)).exitCode())
                .isEqualTo(3);
        assertThat(Failure.of(new ConflictException(failure("CONFLICT", 409, "already complete"), null)).exitCode())
                .isEqualTo(2);
        assertThat(Failure.of(new InvalidRequestException(failure("BAD_REQUEST", 400, "bad"), null)).exitCode())
                .isEqualTo(2);
        assertThat(Failure.of(new InvalidRequestException(failure("PAYLOAD_TOO_LARGE", 413, "big"), null)).exitCode())
                .isEqualTo(2);
        assertThat(Failure.of(new AccessDeniedException(failure("UNAUTHORIZED", 401, "no token"), null)).exitCode())
                .isEqualTo(5);
        assertThat(Failure.of(new AccessDeniedException(failure("FORBIDDEN", 403, "not yours"), null)).exitCode())
                .isEqualTo(5);
        assertThat(Failure.of(new UnavailableException(failure("CONNECTION_REFUSED", 0, "refused"), null)).exitCode())
                .isEqualTo(4);
        assertThat(Failure.of(new UnavailableException(failure("SERVICE_UNAVAILABLE", 503, "db down"), null))
                .exitCode()).isEqualTo(4);
        assertThat(Failure.of(new ServerFailureException(failure("INTERNAL_ERROR", 500, "boom"), null)).exitCode())
                .isEqualTo(1);
        var running = Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING,
                Fixtures.completedDiamond().steps(), 2);
        assertThat(Failure.of(TaskTimeoutException.of("orchestration", URL, running, Duration.ofSeconds(5)))
                .exitCode()).isEqualTo(4);
        assertThat(Failure.of(new ConfigException("bad value")).exitCode()).isEqualTo(2);
        assertThat(Failure.of(new CliException(ExitCodes.NOT_FOUND, "gone")).exitCode()).isEqualTo(3);
        assertThat(Failure.of(new IllegalStateException("bug")).exitCode()).isEqualTo(1);
    }

    @Test
    void theLineSaysWhatFailedAndWhatToTry() {
        assertThat(Failure.of(new NotFoundException(failure("NOT_FOUND", 404, "task x not found"), null)).line())
                .isEqualTo("error: task x not found [NOT_FOUND, HTTP 404 from orchestration] (check the id or name; "
                        + "'tasker-cli task list' shows recent tasks, 'tasker-cli worker list' the workers)");
        assertThat(Failure.of(new UnavailableException(failure("CONNECTION_REFUSED", 0,
                "orchestration at http://localhost:8080 is not reachable: connection refused"), null)).line())
                .isEqualTo("error: orchestration at http://localhost:8080 is not reachable: connection refused "
                        + "(check --orchestration-url or TASKER_ORCHESTRATION_URL, and that the service is running)");
        assertThat(Failure.of(new AccessDeniedException(failure("UNAUTHORIZED", 401, "token required"), null)).line())
                .contains("TASKER_AUTH_TOKEN");
        var running = Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING,
                Fixtures.completedDiamond().steps(), 2);
        assertThat(Failure.of(TaskTimeoutException.of("orchestration", URL, running, Duration.ofSeconds(5))).line())
                .isEqualTo("error: task " + Fixtures.TASK + " did not finish within 5 s: last state steps_in_process, "
                        + "2/4 steps complete (wait longer with --timeout, or look at it with 'tasker-cli task get "
                        + Fixtures.TASK + "')");
        for (Failure f : List.of(Failure.of(new IllegalStateException("x")), Failure.of(new ConfigException("y")))) {
            assertThat(f.line()).startsWith("error: ").doesNotContain("\n");
        }
    }
}
