package dev.tasker.orchestration.task;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskActionRequest;
import dev.tasker.api.task.TaskActionResult;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import dev.tasker.runtime.web.ApiException;
import dev.tasker.runtime.web.Params;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tasks")
@RequiresPermission(Permission.TASKS_READ)
public class TaskResource {

    static final int MAX_PER_PAGE = 100;

    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** A waiter re-reads the task this often even without a notification (one could be missed in an outage). */
    static final Duration RECHECK = Duration.ofSeconds(2);

    private final TaskCreator creator;
    private final TaskReader reader;
    private final TaskCanceller canceller;
    private final TaskWaiters waiters;
    private final TaskRetrier retrier;
    private final TaskActions actions;

    public TaskResource(TaskCreator creator, TaskReader reader, TaskCanceller canceller, TaskWaiters waiters,
            TaskRetrier retrier, TaskActions actions) {
        this.creator = creator;
        this.reader = reader;
        this.canceller = canceller;
        this.waiters = waiters;
        this.retrier = retrier;
        this.actions = actions;
    }

    @POST
    @RequiresPermission(Permission.TASKS_WRITE)
    @Operation(summary = "Create a task from a registered template",
            description = "Validates the request, resolves the template (the newest version when none is given), "
                    + "merges context over the template's default_context (top-level keys), stores the task with "
                    + "its steps in one transaction and enqueues the steps without dependencies. With an "
                    + "idempotency_key, repeating the same request returns the original task (200); the same key "
                    + "with a different request is 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names the task")
    @APIResponse(responseCode = "200", description = "Idempotent replay: the task created earlier with this key")
    @APIResponse(responseCode = "400", description = "Invalid request (BAD_REQUEST or JSON_ERROR)")
    @APIResponse(responseCode = "404", description = "Unknown namespace, template or version")
    @APIResponse(responseCode = "409", description = "idempotency_key already used with a different request")
    @APIResponse(responseCode = "413", description = "Body over the size limit")
    public Response create(TaskRequest request) {
        TaskCreator.Created created = creator.create(request);
        TaskResponse task = created.response().orElseGet(() -> reader.get(created.taskUuid()));
        return created.created()
                ? Response.created(URI.create("/v1/tasks/" + created.taskUuid())).entity(task).build()
                : Response.ok(task).build();
    }

    @GET
    @Operation(summary = "List tasks, newest first",
            description = "Filters combine with AND. per_page is 1-100 (default 25); page starts at 1. total_count is exact"
                    + " up to tasker.orchestration.list-exact-count-limit tasks (10 000; total_count_exact), an estimate beyond; next_cursor reads the next page.")
    public TaskListResponse list(@QueryParam("namespace") String namespace, @QueryParam("name") String name,
            @Parameter(description = "Any task state, e.g. complete, error, steps_in_process")
            @QueryParam("status") String status,
            @QueryParam("initiator") String initiator, @QueryParam("source_system") String sourceSystem,
            @QueryParam("correlation_id") String correlationId,
            @Parameter(description = "Only tasks carrying this tag") @QueryParam("tag") String tag,
            @Parameter(description = "ISO-8601, e.g. 2026-01-31T12:00:00Z") @QueryParam("created_after") String after,
            @QueryParam("created_before") String before, @QueryParam("page") String page,
            @QueryParam("per_page") String perPage,
            @Parameter(description = "The next_cursor of the page before: the next page, as fast at any depth as the"
                    + " first (not with page)") @QueryParam("cursor") String cursor) {
        TaskFilter filter = new TaskFilter(blankToNull(namespace), blankToNull(name), TaskFilter.status(status),
                blankToNull(initiator), blankToNull(sourceSystem), blankToNull(correlationId), blankToNull(tag),
                Params.instant("created_after", after), Params.instant("created_before", before));
        TaskCursor from = blankToNull(cursor) == null ? null : TaskCursor.decode(cursor.trim());
        if (from != null && blankToNull(page) != null) {
            throw ApiException.badRequest("page and cursor cannot be combined: a cursor already says where its page is");
        }
        return reader.list(filter, Params.intInRange("page", page, 1, 1, 1_000_000),
                Params.intInRange("per_page", perPage, 25, 1, MAX_PER_PAGE), from);
    }

    @GET
    @Path("{task_uuid}")
    @Operation(summary = "A task with its steps and counters")
    @APIResponse(responseCode = "400", description = "INVALID_UUID")
    @APIResponse(responseCode = "404", description = "No such task")
    public TaskResponse get(@PathParam("task_uuid") String taskUuid) {
        return reader.get(Params.uuid("task_uuid", taskUuid));
    }

    @GET
    @Path("{task_uuid}/wait")
    @Operation(summary = "Long-poll: answer when the task is terminal, or when the timeout passes",
            description = "Returns the task (200) as soon as it is complete, error, cancelled or resolved_manually "
                    + "- woken by a database notification, not a poll interval - or its current state once "
                    + "timeout passes (check status). timeout: e.g. 30, 30s, 500ms or PT30S; default 30s, at most 60s.")
    public Uni<TaskResponse> await(@PathParam("task_uuid") String taskUuid, @QueryParam("timeout") String timeout) {
        UUID uuid = Params.uuid("task_uuid", taskUuid);
        Duration max = Params.duration("timeout", timeout, Duration.ofSeconds(30), MAX_WAIT);
        return awaitTerminal(uuid, System.nanoTime() + max.toNanos());
    }

    private Uni<TaskResponse> awaitTerminal(UUID task, long deadline) {
        return read(task).flatMap(now -> {
            if (now.isTerminal() || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(now);
            }
            CompletableFuture<Void> done = waiters.register(task);
            // Read again after registering: a task finishing in between would otherwise go unnoticed.
            return read(task).flatMap(again -> {
                if (again.isTerminal()) {
                    waiters.remove(task, done);
                    return Uni.createFrom().item(again);
                }
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.toMillis() < 1) {
                    // Deadline reached between reads (Mutiny refuses a zero wait): answer with what we have.
                    waiters.remove(task, done);
                    return Uni.createFrom().item(again);
                }
                Duration wait = left.compareTo(RECHECK) < 0 ? left : RECHECK;
                return Uni.createFrom().completionStage(done).ifNoItem().after(wait).recoverWithItem((Void) null)
                        .onTermination().invoke(() -> waiters.remove(task, done))
                        .flatMap(ignored -> awaitTerminal(task, deadline));
            });
        });
    }

    private Uni<TaskResponse> read(UUID task) {
        return Uni.createFrom().item(() -> reader.get(task)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @DELETE
    @RequiresPermission(Permission.TASKS_WRITE)
    @Path("{task_uuid}")
    @Operation(summary = "Cancel a task",
            description = "Steps not yet running are cancelled and never executed; running steps finish and "
                    + "nothing after them starts.")
    @APIResponse(responseCode = "200", description = "The task, now cancelled")
    @APIResponse(responseCode = "409", description = "The task is already complete, error, cancelled or resolved")
    public TaskResponse cancel(@PathParam("task_uuid") String taskUuid) {
        var uuid = Params.uuid("task_uuid", taskUuid);
        canceller.cancel(uuid);
        return reader.get(uuid);
    }

    @POST
    @RequiresPermission(Permission.TASKS_WRITE)
    @Path("{task_uuid}/retry")
    @Operation(summary = "Retry a failed task from the steps that failed",
            description = "Every step in error (or, with \"steps\", the named steps in error or waiting_for_retry) "
                    + "goes back to pending with a fresh attempt counter; completed steps keep their results and do "
                    + "not run again; the task leaves error and runs on. \"context\" is merged over the task's "
                    + "context for a retry with corrected input. Each step's change is recorded in the transitions "
                    + "with requested_by and reason.")
    @APIResponse(responseCode = "200", description = "The task after the retry, its retried steps running again")
    @APIResponse(responseCode = "400", description = "No requested_by, an unknown step name, context not an object")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "The task is complete, cancelled or resolved, has no step to "
            + "retry, or a named step is in a state that cannot be retried")
    public TaskResponse retry(@PathParam("task_uuid") String taskUuid, TaskRetryRequest request) {
        var uuid = Params.uuid("task_uuid", taskUuid);
        retrier.retry(uuid, request);
        return reader.get(uuid);
    }

    @POST
    @RequiresPermission(Permission.TASKS_WRITE)
    @Path("actions/{action}")
    @Operation(summary = "Cancel or retry many tasks by filter, with a dry run first",
            description = "The newest tasks the filter selects (the filters of GET /v1/tasks; at least one is "
                    + "required), at most limit (1-1000, default 100), are cancelled or retried one by one, each as "
                    + "the single-task action would; those that cannot be (already finished, nothing to retry) are "
                    + "skipped with the reason. With dry_run nothing changes: matched and selected say what would "
                    + "be touched.")
    @APIResponse(responseCode = "200", description = "matched, selected, changed and skipped")
    @APIResponse(responseCode = "400", description = "No filter, no requested_by, a limit out of range")
    @APIResponse(responseCode = "404", description = "An action other than cancel or retry")
    public TaskActionResult act(@PathParam("action") String action, TaskActionRequest request) {
        return actions.run(action, request);
    }

    @GET
    @Path("{task_uuid}/transitions")
    @Operation(summary = "The task's history: its own and its steps' state changes, oldest first")
    public List<TransitionResponse> transitions(@PathParam("task_uuid") String taskUuid) {
        return reader.transitions(Params.uuid("task_uuid", taskUuid));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
