package dev.tasker.client.orchestration;

import dev.tasker.api.state.TaskState;
import java.time.Instant;

/**
 * Filters and paging of {@code GET /v1/tasks}; null means "not filtered" (or the service's default page).
 * Build with {@link #builder()}; {@link #all()} is the first page of everything. A {@code cursor} (a page's
 * {@code next_cursor}) reads the page after that one, as fast at any depth as the first.
 */
public record TaskQuery(String namespace, String name, TaskState status, String initiator, String sourceSystem,
        String correlationId, String tag, Instant createdAfter, Instant createdBefore, Integer page,
        Integer perPage, String cursor) {

    /** The service's own limit for {@code per_page}. */
    public static final int MAX_PER_PAGE = 100;

    public TaskQuery {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1, got " + page);
        }
        if (perPage != null && (perPage < 1 || perPage > MAX_PER_PAGE)) {
            throw new IllegalArgumentException("per page must be 1.." + MAX_PER_PAGE + ", got " + perPage);
        }
        if (cursor != null && page != null) {
            throw new IllegalArgumentException("page and cursor cannot be combined: a cursor says where its page is");
        }
    }

    public static TaskQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the filters one by one; the record checks them when built. */
    public static final class Builder {
        private String namespace;
        private String name;
        private TaskState status;
        private String initiator;
        private String sourceSystem;
        private String correlationId;
        private String tag;
        private Instant createdAfter;
        private Instant createdBefore;
        private Integer page;
        private Integer perPage;
        private String cursor;

        private Builder() {
        }

        public Builder namespace(String value) {
            this.namespace = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder status(TaskState value) {
            this.status = value;
            return this;
        }

        public Builder initiator(String value) {
            this.initiator = value;
            return this;
        }

        public Builder sourceSystem(String value) {
            this.sourceSystem = value;
            return this;
        }

        public Builder correlationId(String value) {
            this.correlationId = value;
            return this;
        }

        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        public Builder createdAfter(Instant value) {
            this.createdAfter = value;
            return this;
        }

        public Builder createdBefore(Instant value) {
            this.createdBefore = value;
            return this;
        }

        public Builder page(Integer value) {
            this.page = value;
            return this;
        }

        public Builder perPage(Integer value) {
            this.perPage = value;
            return this;
        }

        public Builder cursor(String value) {
            this.cursor = value;
            return this;
        }

        public TaskQuery build() {
            return new TaskQuery(namespace, name, status, initiator, sourceSystem, correlationId, tag, createdAfter,
                    createdBefore, page, perPage, cursor);
        }
    }
}
