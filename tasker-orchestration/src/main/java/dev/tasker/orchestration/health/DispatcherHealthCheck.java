package dev.tasker.orchestration.health;

import dev.tasker.orchestration.engine.ResultsConsumer;
import dev.tasker.runtime.health.DetailedGroup;
import dev.tasker.runtime.queue.QueueListener;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every results consumer runs; reports whether NOTIFY wake-ups are arriving. */
@Readiness
@HealthGroup(DetailedGroup.NAME)
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
        return DetailedGroup.outcome("dispatcher", alive == expected && expected > 0,
                        alive + " of " + expected + " results consumers running")
                .withData("results_consumers_alive", alive)
                .withData("results_consumers_expected", expected)
                .withData("notify_listening", listener.isListening())
                .build();
    }
}
