package dev.tasker.api.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of {@code GET /v1/namespaces}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamespaceListResponse(List<NamespaceSummary> namespaces) {
}
