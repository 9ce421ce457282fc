package dev.tasker.worker.consumer;

import dev.tasker.api.state.TaskState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The step consumer's meters, built once: looking a meter up by name and tags on every step costs a registry
 * search and garbage on the hot path. Meters whose tags are a fixed set are registered here up front; the handler
 * timers are built on a handler's first step, because any name a template gives can turn up.
 */
final class ConsumerMeters {

    private final MeterRegistry registry;
    private final Counter staleMessages;
    private final Counter continued;
    private final Counter takenAtReport;
    private final Map<StepOutcome, Counter> steps = new EnumMap<>(StepOutcome.class);
    private final Map<StepOutcome, Counter> notRecorded = new EnumMap<>(StepOutcome.class);
    private final Map<TaskState, Counter> tasksFinished = new EnumMap<>(TaskState.class);
    private final Map<String, Timer> handlerDurations = new ConcurrentHashMap<>();

    ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
        staleMessages = registry.counter("tasker_worker_stale_messages_total");
        continued = registry.counter("tasker_worker_steps_continued_total");
        takenAtReport = registry.counter("tasker_worker_steps_taken_at_report_total");
        for (StepOutcome outcome : StepOutcome.values()) {
            steps.put(outcome, registry.counter("tasker_worker_steps_total", "outcome", outcome.tag));
            notRecorded.put(outcome,
                    registry.counter("tasker_worker_outcomes_not_recorded_total", "outcome", outcome.tag));
        }
        Arrays.stream(TaskState.values()).filter(TaskState::isTerminal).forEach(s -> tasksFinished.put(s,
                registry.counter("tasker_worker_tasks_finished_total", "status", s.wire())));
    }

    /** Messages claimed for steps that were not enqueued any more (a duplicate delivery, or settled meanwhile). */
    void staleMessages(int count) {
        staleMessages.increment(count);
    }

    /** A report handed this worker the task's next step without a queue message. */
    void continued() {
        continued.increment();
    }

    /** A report took the next message of this worker's queues for the same slot. */
    void takenAtReport() {
        takenAtReport.increment();
    }

    void step(StepOutcome outcome) {
        steps.get(outcome).increment();
    }

    void notRecorded(StepOutcome outcome) {
        notRecorded.get(outcome).increment();
    }

    /** A report of this worker finished the task. */
    void taskFinished(TaskState state) {
        tasksFinished.get(state).increment();
    }

    void handlerDuration(String handler, Duration elapsed) {
        handlerDurations.computeIfAbsent(handler, h -> Timer.builder("tasker_worker_handler_duration_seconds")
                .tag("handler", h).publishPercentileHistogram().register(registry)).record(elapsed);
    }
}
