package dev.tasker.orchestration.task;

import dev.tasker.api.task.TaskActionRequest;
import dev.tasker.api.task.TaskActionResult;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.api.task.TaskSelector;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bulk actions by filter: cancel or retry the newest tasks a filter selects, up to a limit, each in a transaction
 * of its own (as the single-task action), so one task that cannot be changed is skipped with its reason and the
 * others go on. A dry run only selects.
 */
@ApplicationScoped
public class TaskActions {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final int MAX_TEXT = 255;

    private final TaskReader reader;
    private final TaskCanceller canceller;
    private final TaskRetrier retrier;

    public TaskActions(TaskReader reader, TaskCanceller canceller, TaskRetrier retrier) {
        this.reader = reader;
        this.canceller = canceller;
        this.retrier = retrier;
    }

    public TaskActionResult run(String action, TaskActionRequest request) {
        if (!"cancel".equals(action) && !"retry".equals(action)) {
            throw ApiException.notFound("no bulk action '" + action + "': use cancel or retry");
        }
        if (request == null) {
            throw ApiException.badRequest("request body is required: {\"filter\", \"limit\", \"dry_run\", "
                    + "\"requested_by\", \"reason\"}");
        }
        TaskSelector s = request.filter();
        if (s == null || s.isEmpty()) {
            throw ApiException.badRequest("filter is required and must name at least one of namespace, name, "
                    + "status, initiator, source_system, correlation_id, tag, created_after, created_before: a "
                    + "bulk action never applies to every task");
        }
        if (request.requestedBy() == null || request.requestedBy().isBlank()
                || request.requestedBy().length() > MAX_TEXT) {
            throw ApiException.badRequest("requested_by is required: who asks for the action (at most " + MAX_TEXT
                    + " characters)");
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
        TaskFilter filter = new TaskFilter(s.namespace(), s.name(), TaskFilter.status(s.status()), s.initiator(),
                s.sourceSystem(), s.correlationId(), s.tag(), s.createdAfter(), s.createdBefore());
        TaskListResponse selection = reader.list(filter, 1, limit, null);
        // The page's total is exact up to the list's count limit; only a larger selection is counted again.
        long matched = selection.pagination().totalCountExact() ? selection.pagination().totalCount()
                : reader.count(filter);
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        List<UUID> changed = new ArrayList<>();
        List<TaskActionResult.Skipped> skipped = new ArrayList<>();
        if (!dryRun) {
            for (TaskSummary task : selection.tasks()) {
                try {
                    if ("cancel".equals(action)) {
                        canceller.cancel(task.taskUuid());
                    } else {
                        retrier.retry(task.taskUuid(), new TaskRetryRequest(null, null, request.requestedBy(),
                                request.reason()));
                    }
                    changed.add(task.taskUuid());
                } catch (ApiException refused) {
                    // A conflict (finished, nothing to retry) or a task gone since the selection: skip it.
                    skipped.add(new TaskActionResult.Skipped(task.taskUuid(), refused.getMessage()));
                }
            }
        }
        return new TaskActionResult(action, dryRun, matched, limit, selection.tasks(),
                changed, skipped);
    }
}
