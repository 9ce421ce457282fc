package dev.tasker.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The names and tags dashboards and the fault tests read, and that each event counts where they look. */
class ConsumerMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConsumerMeters meters = new ConsumerMeters(registry);

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    @Test
    void everyCounterWithAFixedTagSetExistsFromTheStart() {
        assertThat(registry.getMeters()).extracting(m -> m.getId().getName() + m.getId().getTags())
                .containsExactlyInAnyOrder(
                        "tasker_worker_stale_messages_total[]",
                        "tasker_worker_steps_continued_total[]",
                        "tasker_worker_steps_taken_at_report_total[]",
                        "tasker_worker_steps_total[tag(outcome=success)]",
                        "tasker_worker_steps_total[tag(outcome=failure)]",
                        "tasker_worker_steps_total[tag(outcome=timeout)]",
                        "tasker_worker_outcomes_not_recorded_total[tag(outcome=success)]",
                        "tasker_worker_outcomes_not_recorded_total[tag(outcome=failure)]",
                        "tasker_worker_outcomes_not_recorded_total[tag(outcome=timeout)]",
                        "tasker_worker_tasks_finished_total[tag(status=complete)]",
                        "tasker_worker_tasks_finished_total[tag(status=error)]",
                        "tasker_worker_tasks_finished_total[tag(status=cancelled)]",
                        "tasker_worker_tasks_finished_total[tag(status=resolved_manually)]");
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(((Counter) m).count()).as(m.getId().getName())
                .isZero());
    }

    @Test
    void eachEventCountsUnderItsNameAndTag() {
        meters.staleMessages(3);
        meters.continued();
        meters.takenAtReport();
        meters.takenAtReport();
        meters.step(StepOutcome.TIMEOUT);
        meters.notRecorded(StepOutcome.FAILURE);
        meters.taskFinished(TaskState.COMPLETE);

        assertThat(count("tasker_worker_stale_messages_total")).isEqualTo(3);
        assertThat(count("tasker_worker_steps_continued_total")).isEqualTo(1);
        assertThat(count("tasker_worker_steps_taken_at_report_total")).isEqualTo(2);
        assertThat(count("tasker_worker_steps_total", "outcome", "timeout")).isEqualTo(1);
        assertThat(count("tasker_worker_steps_total", "outcome", "success")).isZero();
        assertThat(count("tasker_worker_outcomes_not_recorded_total", "outcome", "failure")).isEqualTo(1);
        assertThat(count("tasker_worker_tasks_finished_total", "status", "complete")).isEqualTo(1);
    }

    @Test
    void aHandlersTimerIsBuiltOnItsFirstStepAndKeptForTheNext() {
        assertThat(registry.find("tasker_worker_handler_duration_seconds").timers()).isEmpty();

        meters.handlerDuration("test.square_input", Duration.ofMillis(5));
        meters.handlerDuration("test.square_input", Duration.ofMillis(7));
        meters.handlerDuration("test.sleep", Duration.ofMillis(1));

        Timer timer = registry.get("tasker_worker_handler_duration_seconds").tag("handler", "test.square_input")
                .timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
        assertThat(registry.find("tasker_worker_handler_duration_seconds").timers()).hasSize(2);
    }

    @Test
    void theOutcomeTagOfAnAttempt() {
        assertThat(StepOutcome.of(null)).isEqualTo(StepOutcome.SUCCESS);
        assertThat(StepOutcome.of(new StepError("too slow", "step_timeout", true))).isEqualTo(StepOutcome.TIMEOUT);
        assertThat(StepOutcome.of(new StepError("boom", "IllegalStateException", true)))
                .isEqualTo(StepOutcome.FAILURE);
        assertThat(StepOutcome.of(new StepError("interrupted", "interrupted", true))).isEqualTo(StepOutcome.FAILURE);
    }
}
