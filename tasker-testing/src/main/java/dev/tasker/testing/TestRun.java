package dev.tasker.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.client.orchestration.TaskQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One test's view of the stack: a unique run id that tags (and correlates) every task the test creates, the
 * tasks created so far (the diagnostics report shows them), and bounded waits. Tests share one stack, so a test
 * only ever reads tasks carrying its own id.
 */
public final class TestRun {

    static final String INITIATOR = "tasker-it";
    static final String SOURCE_SYSTEM = "integration-tests";

    private final String id;
    private final Supplier<TaskerStack> stack;
    private final List<UUID> tasks = new CopyOnWriteArrayList<>();
    private final Instant started = Instant.now();

    TestRun(String id, Supplier<TaskerStack> stack) {
        this.id = Objects.requireNonNull(id, "id");
        this.stack = Objects.requireNonNull(stack, "stack");
    }

    public String id() {
        return id;
    }

    public TaskerStack stack() {
        return stack.get();
    }

    /** When the test began: the diagnostics report shows the containers' logs from then on. */
    public Instant started() {
        return started;
    }

    /** The tasks this test created or {@linkplain #track tracked}, in creation order. */
    public List<UUID> tasks() {
        return List.copyOf(tasks);
    }

    /** Assertions on one of this test's tasks: {@code it.run().assertThat(task).completes()}. */
    public TaskAssert assertThat(TaskResponse task) {
        return new TaskAssert(this, task.taskUuid());
    }

    /** Adds a task created another way (e.g. by the CLI) to the diagnostics report. */
    public void track(UUID task) {
        tasks.add(task);
    }

    public TaskResponse create(String namespace, String name, JsonNode context) {
        return create(TaskRequest.of(namespace, name, context));
    }

    /** Creates the task with this run's tag and correlation id added. */
    public TaskResponse create(TaskRequest request) {
        TaskResponse created = stack().orchestration().createTask(mark(request));
        track(created.taskUuid());
        return created;
    }

    /** The request with this run's tag added and, unless it has one, its correlation id, initiator and source. */
    public TaskRequest mark(TaskRequest r) {
        List<String> tags = new ArrayList<>(r.tags() == null ? List.of() : r.tags());
        if (!tags.contains(id)) {
            tags.add(id);
        }
        return new TaskRequest(r.namespace(), r.name(), r.version(), r.context(),
                r.initiator() == null ? INITIATOR : r.initiator(),
                r.sourceSystem() == null ? SOURCE_SYSTEM : r.sourceSystem(), r.reason(), tags, r.priority(),
                r.correlationId() == null ? id : r.correlationId(), r.idempotencyKey());
    }

    /** Waits (long-polling) until the task is complete, error, cancelled or resolved; fails naming its last state. */
    public TaskResponse awaitTerminal(UUID task, Duration timeout) {
        try {
            return stack().orchestration().waitForCompletion(task, timeout);
        } catch (TaskTimeoutException e) {
            throw new AssertionError("timed out after " + timeout.toSeconds() + " s awaiting a terminal state of task "
                    + task + "; last seen: " + TaskStates.describe(e.lastSeen()), e);
        }
    }

    /** Waits for all of them within one overall timeout; fails naming the first unfinished one and its state. */
    public List<TaskResponse> awaitTerminal(Collection<UUID> taskIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<TaskResponse> done = new ArrayList<>();
        for (UUID task : taskIds) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            try {
                done.add(stack().orchestration().waitForCompletion(task, left));
            } catch (TaskTimeoutException e) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s awaiting a terminal state of "
                        + taskIds.size() + " tasks: " + done.size() + " finished, then task " + task
                        + " did not; last seen: " + TaskStates.describe(e.lastSeen()), e);
            }
        }
        return done;
    }

    /** Every task carrying this run's tag, as the list endpoint reports them (all pages). */
    public List<TaskSummary> ownTasks() {
        List<TaskSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            TaskListResponse list = stack().orchestration().listTasks(TaskQuery.builder().tag(id).cursor(cursor)
                    .perPage(TaskQuery.MAX_PER_PAGE).build());
            all.addAll(list.tasks());
            cursor = list.pagination().nextCursor();
        } while (cursor != null);
        return all;
    }
}
