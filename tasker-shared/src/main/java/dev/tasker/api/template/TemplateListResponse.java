package dev.tasker.api.template;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Body of {@code GET /v1/templates}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateListResponse(List<TemplateSummary> templates) {
}
