package dev.tasker.client.scripted;

import dev.tasker.api.state.TaskState;
import dev.tasker.client.orchestration.TaskQuery;
import java.time.Instant;

/**
 * Task list queries whose query strings the tests compare byte for byte: values with spaces, reserved and
 * non-ASCII characters, so the encoding shows, and the empty query.
 */
public final class TaskQueries {

    /** What both clients send for {@link #everyFilter()}: the contract's names, in this order, form-encoded. */
    public static final String EVERY_FILTER_SENT = "namespace=diamond_workflow&name=diamond_pattern&status=error"
            + "&initiator=ops+team&source_system=billing%2Feu&correlation_id=order-42%26x%3D1&tag=a%2Bb+%C3%A9"
            + "&created_after=2026-01-01T00%3A00%3A00Z&created_before=2026-01-31T12%3A00%3A00.250Z&page=2"
            + "&per_page=100";
    /** What both clients send for {@link #byCursor()}. */
    public static final String BY_CURSOR_SENT = "per_page=5&cursor=djE6MDow%3D%3D";
    /** An answer to any of them: a page without tasks. */
    public static final String EMPTY_PAGE = "{\"tasks\":[],\"pagination\":{\"page\":1,\"per_page\":5,"
            + "\"total_count\":0,\"total_pages\":0,\"has_next\":false,\"has_previous\":false}}";

    private TaskQueries() {
    }

    /** Every filter and the page-number paging. */
    public static TaskQuery everyFilter() {
        return TaskQuery.builder().namespace("diamond_workflow").name("diamond_pattern").status(TaskState.ERROR)
                .initiator("ops team").sourceSystem("billing/eu").correlationId("order-42&x=1").tag("a+b é")
                .createdAfter(Instant.parse("2026-01-01T00:00:00Z"))
                .createdBefore(Instant.parse("2026-01-31T12:00:00.250Z")).page(2).perPage(100).build();
    }

    /** The cursor paging: a cursor is base64, so it may end in '='. */
    public static TaskQuery byCursor() {
        return TaskQuery.builder().cursor("djE6MDow==").perPage(5).build();
    }
}
