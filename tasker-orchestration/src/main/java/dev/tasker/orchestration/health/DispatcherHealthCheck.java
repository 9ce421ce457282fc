package dev.tasker.orchestration.health;

import dev.tasker.orchestration.engine.ResultsConsumer;
import dev.tasker.runtime.queue.QueueListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every results consumer runs; reports whether NOTIFY wake-ups are arriving. */
@Readiness
@ApplicationScoped
public class DispatcherHealthCheck implements HealthCheck {

    private final ResultsConsumer consumers;
    private final QueueListener listener;

    public DispatcherHealthCheck(ResultsConsumer consumers, QueueListener listener) {
        this.consumers = consumers;
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        long alive = consumers.alive();
        int expected = consumers.expected();
        return HealthCheckResponse.named("dispatcher")
                .status(alive == expected && expected > 0)
                .withData("results_consumers_alive", alive)
                .withData("results_consumers_expected", expected)
                .withData("notify_listening", listener.isListening())
                .build();
    }
}
