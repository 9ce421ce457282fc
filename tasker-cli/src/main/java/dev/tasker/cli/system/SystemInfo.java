package dev.tasker.cli.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.api.template.NamespaceSummary;
import dev.tasker.api.worker.WorkerInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/** What {@code system info} reports: versions, effective URLs, namespaces with template counts, queues, workers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record SystemInfo(String cliVersion, Service orchestration, Service worker, int templateCount,
        List<NamespaceSummary> namespaces, Map<String, Double> queueDepths, List<WorkerInfo> workers) {

    /** A service as seen from here: its URL, and its version when it answered. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Service(String url, String status, String version, String detail) {
    }
}
