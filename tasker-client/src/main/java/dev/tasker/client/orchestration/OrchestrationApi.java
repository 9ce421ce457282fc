package dev.tasker.client.orchestration;

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
import dev.tasker.client.ServiceApi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The orchestration service's REST API (port 8080). Inject with {@code @RestClient} (configured under
 * {@code quarkus.rest-client.orchestration.*}) or build with {@link dev.tasker.client.Endpoint#client}; most
 * callers want {@link OrchestrationClient}, which adds retries. Built by {@code Endpoint#client}, it raises error
 * statuses as typed {@link dev.tasker.client.error.TaskerApiException}s (see
 * {@link dev.tasker.client.error.ErrorStatusMapper}); injected, as {@code WebApplicationException}s whose body is the
 * contract's {@code {"error": {...}}}.
 */
@RegisterRestClient(configKey = "orchestration")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrchestrationApi extends ServiceApi {

    /** 201 with the new task, or 200 with the original one when the idempotency key was seen before. */
    @POST
    @Path("v1/tasks")
    Response createTask(TaskRequest request);

    @GET
    @Path("v1/tasks")
    TaskListResponse listTasks(@BeanParam TaskQueryParams query);

    @GET
    @Path("v1/tasks/{task_uuid}")
    TaskResponse getTask(@PathParam("task_uuid") UUID taskUuid);

    /**
     * Long-poll: answers as soon as the task is terminal, or with its current state once {@code timeout}
     * (e.g. {@code 1500ms}, at most 60 s) passes.
     */
    @GET
    @Path("v1/tasks/{task_uuid}/wait")
    TaskResponse awaitTask(@PathParam("task_uuid") UUID taskUuid, @QueryParam("timeout") String timeout);

    /** Cancels the task; 409 when it is already terminal. */
    @DELETE
    @Path("v1/tasks/{task_uuid}")
    TaskResponse cancelTask(@PathParam("task_uuid") UUID taskUuid);

    /** Cancels or retries ("cancel", "retry") the tasks a filter selects, or with dry_run only selects them. */
    @POST
    @Path("v1/tasks/actions/{action}")
    TaskActionResult taskAction(@PathParam("action") String action, TaskActionRequest request);

    /** Resumes a failed task from the steps that failed; 409 when it has nothing to retry. */
    @POST
    @Path("v1/tasks/{task_uuid}/retry")
    TaskResponse retryTask(@PathParam("task_uuid") UUID taskUuid, TaskRetryRequest request);

    @GET
    @Path("v1/tasks/{task_uuid}/transitions")
    List<TransitionResponse> transitions(@PathParam("task_uuid") UUID taskUuid);

    @GET
    @Path("v1/tasks/{task_uuid}/workflow_steps")
    List<StepResponse> steps(@PathParam("task_uuid") UUID taskUuid);

    @GET
    @Path("v1/tasks/{task_uuid}/workflow_steps/{step_uuid}")
    StepResponse step(@PathParam("task_uuid") UUID taskUuid, @PathParam("step_uuid") UUID stepUuid);

    @PATCH
    @Path("v1/tasks/{task_uuid}/workflow_steps/{step_uuid}")
    StepResponse resolveStep(@PathParam("task_uuid") UUID taskUuid, @PathParam("step_uuid") UUID stepUuid,
            StepResolution resolution);

    @GET
    @Path("v1/templates")
    TemplateListResponse templates(@QueryParam("namespace") String namespace);

    @GET
    @Path("v1/templates/{namespace}/{name}/{version}")
    TaskTemplate template(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version);

    /** 201 registered, 200 already registered with this exact definition, 409 a different one exists. */
    @POST
    @Path("v1/templates")
    Response registerTemplate(TaskTemplate template);

    @GET
    @Path("v1/namespaces")
    NamespaceListResponse namespaces();

    @GET
    @Path("v1/workers")
    WorkerListResponse workers(@QueryParam("namespace") String namespace);

    @GET
    @Path("v1/workers/{worker_id}")
    WorkerInfo worker(@PathParam("worker_id") String workerId);

    /** Registration and heartbeat of a worker: 201 the first time, 200 after. */
    @PUT
    @Path("v1/workers/{worker_id}")
    WorkerInfo registerWorker(@PathParam("worker_id") String workerId, WorkerRegistration registration);

    @DELETE
    @Path("v1/workers/{worker_id}")
    WorkerInfo deregisterWorker(@PathParam("worker_id") String workerId);
}
