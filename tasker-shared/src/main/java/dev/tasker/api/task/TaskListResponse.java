package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Body of {@code GET /v1/tasks}: a page of tasks, newest first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskListResponse(List<TaskSummary> tasks, Pagination pagination) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(int page, int perPage, long totalCount, int totalPages, boolean hasNext,
            boolean hasPrevious) {

        public static Pagination of(int page, int perPage, long totalCount) {
            int totalPages = (int) ((totalCount + perPage - 1) / perPage);
            return new Pagination(page, perPage, totalCount, totalPages, page < totalPages, page > 1);
        }
    }
}
