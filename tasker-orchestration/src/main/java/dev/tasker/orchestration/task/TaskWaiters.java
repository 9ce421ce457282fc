package dev.tasker.orchestration.task;

import dev.tasker.runtime.queue.QueueListener;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Futures of long-polling requests, completed by the {@code tasker_task_done} notification of their task. */
@ApplicationScoped
public class TaskWaiters {

    private final QueueListener listener;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    public TaskWaiters(QueueListener listener) {
        this.listener = listener;
    }

    void start(@Observes StartupEvent event) {
        listener.onTaskDone(this::done);
    }

    public CompletableFuture<Void> register(UUID task) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        waiting.computeIfAbsent(task, k -> ConcurrentHashMap.newKeySet()).add(f);
        return f;
    }

    public void remove(UUID task, CompletableFuture<Void> f) {
        waiting.computeIfPresent(task, (k, set) -> {
            set.remove(f);
            return set.isEmpty() ? null : set;
        });
    }

    void done(String taskUuid) {
        UUID task;
        try {
            task = UUID.fromString(taskUuid);
        } catch (IllegalArgumentException e) {
            return;
        }
        Set<CompletableFuture<Void>> futures = waiting.remove(task);
        if (futures != null) {
            futures.forEach(f -> f.complete(null));
        }
    }

    public int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
