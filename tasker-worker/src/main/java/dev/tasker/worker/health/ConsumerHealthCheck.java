package dev.tasker.worker.health;

import dev.tasker.runtime.health.DetailedGroup;
import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.worker.consumer.StepConsumer;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the step consumer runs (the datasource check covers the database). */
@Readiness
@HealthGroup(DetailedGroup.NAME)
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final StepConsumer consumer;
    private final QueueListener listener;

    public ConsumerHealthCheck(StepConsumer consumer, QueueListener listener) {
        this.consumer = consumer;
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        String state = consumer.status().name().toLowerCase(Locale.ROOT);
        int inFlight = consumer.inFlight();
        return DetailedGroup.outcome("step consumer", consumer.isRunning(),
                        state + ", " + inFlight + " steps running, " + consumer.processed() + " processed")
                .withData("state", state)
                .withData("in_flight", inFlight)
                .withData("notify_listening", listener.isListening())
                .build();
    }
}
