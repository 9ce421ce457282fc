package dev.tasker.testing;

import dev.tasker.client.health.ServiceHealth;

/** One look at every service of the stack: ready only when all are. */
public record StackReadiness(String postgres, ServiceHealth orchestration, ServiceHealth worker,
        String workerId, String registeredWorker) {

    public boolean ready() {
        return "healthy".equals(postgres) && orchestration.healthy() && worker.healthy()
                && "active".equals(registeredWorker);
    }

    @Override
    public String toString() {
        return "postgres " + postgres + ", orchestration " + orchestration.detail() + ", worker " + worker.detail()
                + ", registry entry of " + workerId + ": " + registeredWorker;
    }
}
