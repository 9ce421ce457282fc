package dev.tasker.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** Body of {@code GET /v1/tasks}: a page of tasks, newest first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TaskListResponse(List<TaskSummary> tasks, Pagination pagination) {

    /**
     * Where this page is. {@code totalCount} is exact when {@code totalCountExact}, otherwise the database's estimate
     * (large results are not counted row by row), and {@code totalPages} follows it; {@code hasNext} is always exact.
     * {@code nextCursor}, when there is a next page, reads it at the cost of a first page ({@code ?cursor=}).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pagination(int page, int perPage, long totalCount, int totalPages, boolean hasNext,
            boolean hasPrevious, boolean totalCountExact, String nextCursor) {

        public static Pagination of(int page, int perPage, long totalCount, boolean totalCountExact, boolean hasNext,
                String nextCursor) {
            int totalPages = (int) Math.min(Integer.MAX_VALUE, (totalCount + perPage - 1) / perPage);
            if (!totalCountExact) {
                // An estimate may fall short of what has been seen: never fewer pages than this one and the next.
                totalPages = Math.max(totalPages, hasNext ? page + 1 : page);
            }
            return new Pagination(page, perPage, totalCount, totalPages, hasNext, page > 1, totalCountExact,
                    hasNext ? nextCursor : null);
        }
    }
}
