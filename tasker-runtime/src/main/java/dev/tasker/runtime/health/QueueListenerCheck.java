package dev.tasker.runtime.health;

import dev.tasker.runtime.queue.QueueListener;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Without the LISTEN connection work still flows, but only at the fallback poll interval: degraded, so not a
 * readiness check.
 */
@HealthGroup(DetailedGroup.NAME)
@ApplicationScoped
public class QueueListenerCheck implements HealthCheck {

    private final QueueListener listener;

    public QueueListenerCheck(QueueListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        boolean listening = listener.isListening();
        return DetailedGroup.outcome("queue_notifications", listening,
                listening ? "LISTEN tasker_queue connected: consumers wake at once"
                        : "not listening: consumers fall back to polling").build();
    }
}
