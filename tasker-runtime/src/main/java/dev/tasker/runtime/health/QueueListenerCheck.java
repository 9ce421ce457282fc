package dev.tasker.runtime.health;

import dev.tasker.runtime.queue.QueueListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Without the LISTEN connection work still flows, but only at the fallback poll interval: degraded. */
@ApplicationScoped
public class QueueListenerCheck implements DetailedCheck {

    private final QueueListener listener;

    public QueueListenerCheck(QueueListener listener) {
        this.listener = listener;
    }

    @Override
    public String name() {
        return "queue_notifications";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public Result run() {
        return listener.isListening() ? Result.pass("LISTEN tasker_queue connected: consumers wake at once")
                : Result.fail("not listening: consumers fall back to polling");
    }
}
