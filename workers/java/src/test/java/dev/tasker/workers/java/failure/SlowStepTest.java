package dev.tasker.workers.java.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlowStepTest {

    private final SlowStep handler = new SlowStep();

    private JsonNode run(String taskContext) {
        return handler.handle(StepContexts.of("slow_step", Json.parse(taskContext)));
    }

    @Test
    void zeroSleepReturnsAtOnce() {
        assertThat(run("{\"sleep_ms\": 0}")).isEqualTo(Json.parse("{\"slept_ms\": 0}"));
    }

    @Test
    void sleepsTheDefaultHundredMillisecondsWhenUnset() {
        long start = System.nanoTime();

        assertThat(run("{}")).isEqualTo(Json.parse("{\"slept_ms\": 100}"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "600001", "\"100\"", "0.5", "[]"})
    void refusesABadSleep(String value) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run("{\"sleep_ms\": " + value + "}"));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("sleep_ms must be an integer from 0 to 600000");
    }

    @Test
    void anInterruptEndsTheSleepWithARetryableFailureAndKeepsTheFlag() throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                run("{\"sleep_ms\": 60000}");
            } catch (Throwable t) {
                thrown.set(t);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "slow-step-under-test");
        long start = System.nanoTime();
        worker.start();
        // Interrupt while it is actually asleep, not before it got there (spinning, not sleeping, to wait).
        long waitUntil = start + Duration.ofSeconds(5).toNanos();
        while (worker.getState() != Thread.State.TIMED_WAITING && worker.isAlive() && System.nanoTime() < waitUntil) {
            Thread.onSpinWait();
        }
        assertThat(worker.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        worker.interrupt();
        worker.join(5_000);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(worker.isAlive()).as("handler still running after the interrupt").isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(thrown.get()).isInstanceOf(StepFailure.class);
        StepFailure failure = (StepFailure) thrown.get();
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorType()).isEqualTo("interrupted");
        assertThat(failure.getMessage()).contains("slow_step", "60000 ms");
        assertThat(stillInterrupted).isTrue();
    }
}
