package dev.tasker.orchestration.health;

import dev.tasker.orchestration.engine.ResultsConsumer;
import dev.tasker.runtime.health.DetailedCheck;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DispatcherCheck implements DetailedCheck {

    private final ResultsConsumer consumers;

    public DispatcherCheck(ResultsConsumer consumers) {
        this.consumers = consumers;
    }

    @Override
    public String name() {
        return "dispatcher";
    }

    @Override
    public boolean critical() {
        return true;
    }

    @Override
    public Result run() {
        long alive = consumers.alive();
        int expected = consumers.expected();
        String message = alive + " of " + expected + " results consumers running";
        return alive == expected && expected > 0 ? Result.pass(message) : Result.fail(message);
    }
}
