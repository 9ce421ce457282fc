package dev.tasker.api.worker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of {@code GET /v1/workers}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkerListResponse(List<WorkerInfo> workers) {
}
