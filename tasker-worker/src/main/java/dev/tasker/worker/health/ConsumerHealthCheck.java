package dev.tasker.worker.health;

import dev.tasker.runtime.queue.QueueListener;
import dev.tasker.worker.consumer.StepConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the step consumer runs (the datasource check covers the database). */
@Readiness
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
        return HealthCheckResponse.named("step consumer")
                .status(consumer.isRunning())
                .withData("state", consumer.status().name().toLowerCase())
                .withData("in_flight", consumer.inFlight())
                .withData("notify_listening", listener.isListening())
                .build();
    }
}
