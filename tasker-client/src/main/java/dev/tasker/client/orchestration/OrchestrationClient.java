package dev.tasker.client.orchestration;

import dev.tasker.api.retry.ExponentialBackoff;
import dev.tasker.api.step.StepResolution;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskActionRequest;
import dev.tasker.api.task.TaskActionResult;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskRetryRequest;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.api.template.NamespaceListResponse;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.api.worker.WorkerListResponse;
import dev.tasker.api.worker.WorkerRegistration;
import dev.tasker.client.Endpoint;
import dev.tasker.client.ServiceCalls;
import dev.tasker.client.ServiceClient;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.client.metrics.PrometheusText;
import dev.tasker.client.retry.RetryPolicy;
import dev.tasker.client.retry.Sleeper;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The orchestration API with retries and typed errors ({@link dev.tasker.client.error.TaskerApiException}).
 * GET, PUT and DELETE calls are retried on transient failures; so is task creation, because every request is
 * sent with an {@code idempotency_key} (one is generated when the caller gave none), which makes the service
 * answer a repeat with the task the first attempt created.
 */
public final class OrchestrationClient extends ServiceClient<OrchestrationApi> {

    /**
     * Longest single long-poll of {@link #waitForCompletion}: the service answers the moment the task finishes,
     * so this only bounds how often progress is reported (and stays under the read timeout).
     */
    static final Duration MAX_LONG_POLL = Duration.ofSeconds(2);
    /** Pause after a long-poll that came back early without the task finished (25 ms, doubling to 500 ms). */
    static final Duration FIRST_POLL = Duration.ofMillis(25);
    static final Duration MAX_POLL = Duration.ofMillis(500);
    private static final ExponentialBackoff EARLY_ANSWER_PAUSE = new ExponentialBackoff(FIRST_POLL, MAX_POLL, false);

    private final Sleeper sleeper;

    public OrchestrationClient(OrchestrationApi api, ServiceCalls calls, Sleeper sleeper) {
        super(api, calls);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A client of the service at {@code endpoint}, built with {@code RestClientBuilder} (no CDI needed). */
    public static OrchestrationClient connect(Endpoint endpoint, RetryPolicy retry) {
        return new OrchestrationClient(endpoint.client(OrchestrationApi.class), ServiceCalls.of(endpoint, retry),
                Sleeper.SYSTEM);
    }

    /** Creates a task; the returned task is the original one when the idempotency key was used before. */
    public TaskResponse createTask(TaskRequest request) {
        Objects.requireNonNull(request, "request");
        TaskRequest keyed = request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                ? request.withIdempotencyKey(UUID.randomUUID().toString()) : request;
        return calls.idempotent(() -> api.createTask(keyed).readEntity(TaskResponse.class));
    }

    public TaskResponse getTask(UUID taskUuid) {
        return calls.idempotent(() -> api.getTask(taskUuid));
    }

    public TaskListResponse listTasks(TaskQuery q) {
        TaskQueryParams params = new TaskQueryParams(q);
        return calls.idempotent(() -> api.listTasks(params));
    }

    /** Cancels a task; a {@link dev.tasker.client.error.ConflictException} when it already finished. */
    public TaskResponse cancelTask(UUID taskUuid) {
        return calls.idempotent(() -> api.cancelTask(taskUuid));
    }

    /**
     * Resumes a failed task from the steps that failed (all in error, or {@code request.steps()}); a
     * {@link dev.tasker.client.error.ConflictException} when it is finished or has nothing to retry. Sent once:
     * a repeat after a lost answer would meet the steps already running and be refused.
     */
    public TaskResponse retryTask(UUID taskUuid, TaskRetryRequest request) {
        return calls.once(() -> api.retryTask(taskUuid, request));
    }

    /** Cancels the tasks {@code request.filter()} selects (at most its limit); with dry_run, only says which. */
    public TaskActionResult cancelTasks(TaskActionRequest request) {
        return calls.once(() -> api.taskAction("cancel", request));
    }

    /** Retries the failed tasks {@code request.filter()} selects (at most its limit); with dry_run, only says which. */
    public TaskActionResult retryTasks(TaskActionRequest request) {
        return calls.once(() -> api.taskAction("retry", request));
    }

    /** The task's and its steps' state changes, oldest first. */
    public List<TransitionResponse> transitions(UUID taskUuid) {
        return calls.idempotent(() -> api.transitions(taskUuid));
    }

    public List<StepResponse> steps(UUID taskUuid) {
        return calls.idempotent(() -> api.steps(taskUuid));
    }

    public StepResponse step(UUID taskUuid, UUID stepUuid) {
        return calls.idempotent(() -> api.step(taskUuid, stepUuid));
    }

    /** Not retried: a repeat after a lost answer would be refused as an invalid transition. */
    public StepResponse resolveStep(UUID taskUuid, UUID stepUuid, StepResolution resolution) {
        return calls.once(() -> api.resolveStep(taskUuid, stepUuid, resolution));
    }

    public TemplateListResponse templates(String namespaceOrNull) {
        return calls.idempotent(() -> api.templates(namespaceOrNull));
    }

    public TaskTemplate template(String namespace, String name, String version) {
        return calls.idempotent(() -> api.template(namespace, name, version));
    }

    /**
     * Registers a template version (permission templates:write): created, or already registered with this exact
     * definition; a different definition under its version is a {@code ConflictException}, an invalid template an
     * {@code InvalidRequestException} naming every problem.
     */
    public RegisteredTemplate registerTemplate(TaskTemplate template) {
        return calls.once(() -> {
            Response response = api.registerTemplate(template);
            return new RegisteredTemplate(response.readEntity(TaskTemplate.class),
                    response.getStatus() == Response.Status.CREATED.getStatusCode());
        });
    }

    public NamespaceListResponse namespaces() {
        return calls.idempotent(api::namespaces);
    }

    public WorkerListResponse workers(String namespaceOrNull) {
        return calls.idempotent(() -> api.workers(namespaceOrNull));
    }

    public WorkerInfo worker(String workerId) {
        return calls.idempotent(() -> api.worker(workerId));
    }

    public WorkerInfo registerWorker(String workerId, WorkerRegistration registration) {
        return calls.idempotent(() -> api.registerWorker(workerId, registration));
    }

    public WorkerInfo deregisterWorker(String workerId) {
        return calls.idempotent(() -> api.deregisterWorker(workerId));
    }

    /** Messages waiting per queue, from the {@code tasker_queue_depth} gauge of {@code /metrics}. */
    public Map<String, Double> queueDepths() {
        return PrometheusText.samplesByLabel(metrics(), "tasker_queue_depth", "queue");
    }

    /**
     * Reads the task (with its steps) every {@code interval} until it is complete, in error or cancelled, handing
     * each read to {@code onRead}, and returns the finished task: for following a task's steps as they change,
     * which {@link #waitForCompletion} (answered only at the end) cannot show.
     *
     * @throws TaskTimeoutException when it has not finished within {@code timeout}
     */
    public TaskResponse follow(UUID taskUuid, Duration timeout, Duration interval, Consumer<TaskResponse> onRead) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TaskResponse task = getTask(taskUuid);
            onRead.accept(task);
            if (task.isTerminal()) {
                return task;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw TaskTimeoutException.of(endpoint().service(), endpoint().baseUrl(), task, timeout);
            }
            try {
                sleeper.sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw TaskTimeoutException.of(endpoint().service(), endpoint().baseUrl(), task, timeout);
            }
        }
    }

    /** Waits until the task is terminal; see {@link #waitForCompletion(UUID, Duration, Consumer)}. */
    public TaskResponse waitForCompletion(UUID taskUuid, Duration timeout) {
        return waitForCompletion(taskUuid, timeout, task -> { });
    }

    /**
     * Long-polls {@code GET /v1/tasks/{uuid}/wait} (at most 2 s per call, so progress is seen) until the task is
     * terminal, and returns it. The service answers as soon as the task finishes, so there is no polling delay.
     * Should a call come back early with the task unfinished, the next waits a pause first (25 ms doubling to
     * 500 ms), so nothing ever spins.
     *
     * @param onPoll sees every state received, e.g. to show progress
     * @throws TaskTimeoutException when {@code timeout} passes first; it names the last state seen
     */
    public TaskResponse waitForCompletion(UUID taskUuid, Duration timeout, Consumer<TaskResponse> onPoll) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int earlyAnswers = 0;
        while (true) {
            Duration chunk = longPoll(Duration.ofNanos(deadline - System.nanoTime()));
            long callStart = System.nanoTime();
            TaskResponse task = calls.idempotent(() -> api.awaitTask(taskUuid, chunk.toMillis() + "ms"));
            onPoll.accept(task);
            if (task.isTerminal()) {
                return task;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw TaskTimeoutException.of(endpoint().service(), endpoint().baseUrl(), task, timeout);
            }
            boolean early = System.nanoTime() - callStart < chunk.toNanos() * 9 / 10;
            if (early) {
                Duration pause = EARLY_ANSWER_PAUSE.delay(++earlyAnswers);
                try {
                    sleeper.sleep(Duration.ofNanos(Math.min(left, pause.toNanos())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw TaskTimeoutException.of(endpoint().service(), endpoint().baseUrl(), task, timeout);
                }
            }
        }
    }

    /** How long one long-poll may wait: what is left, at most 2 s and safely under the read timeout. */
    private Duration longPoll(Duration left) {
        Duration underReadTimeout = endpoint().readTimeout().minusMillis(500);
        Duration chunk = left.compareTo(MAX_LONG_POLL) < 0 ? left : MAX_LONG_POLL;
        if (chunk.compareTo(underReadTimeout) > 0) {
            chunk = underReadTimeout;
        }
        return chunk.toMillis() < 1 ? Duration.ofMillis(1) : chunk;
    }
}
