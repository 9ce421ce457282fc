package dev.tasker.worker.health;

import dev.tasker.runtime.health.DetailedCheck;
import dev.tasker.worker.consumer.StepConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

@ApplicationScoped
public class ConsumerCheck implements DetailedCheck {

    private final StepConsumer consumer;

    public ConsumerCheck(StepConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "step_consumer";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Result run() {
        String message = consumer.status().name().toLowerCase(Locale.ROOT) + ", " + consumer.inFlight()
                + " steps running, " + consumer.processed() + " processed";
        return consumer.isRunning() ? Result.pass(message) : Result.fail(message);
    }
}
