package dev.tasker.cli.worker;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.api.worker.WorkerStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * What {@code worker status} shows: the registry's entry (when asked by id), the worker's status and queues.
 * {@code source}: {@code heartbeat} (the status the worker reported with its last heartbeat; no queues) or
 * {@code direct} (asked at its URL).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record WorkerReport(String url, WorkerInfo registration, WorkerStatus status,
        List<NamespaceStatus> namespaces, String source) {
}
