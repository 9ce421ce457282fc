package dev.tasker.orchestration.step;

import dev.tasker.api.step.StepResolution;
import dev.tasker.api.step.StepResponse;
import dev.tasker.orchestration.task.TaskReader;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import dev.tasker.runtime.web.Params;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tasks/{task_uuid}/workflow_steps")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "steps")
@RequiresPermission(Permission.TASKS_READ)
public class StepResource {

    private final TaskReader reader;
    private final StepResolver resolver;

    public StepResource(TaskReader reader, StepResolver resolver) {
        this.reader = reader;
        this.resolver = resolver;
    }

    @GET
    @Operation(summary = "The task's steps in template order")
    public List<StepResponse> list(@PathParam("task_uuid") String taskUuid) {
        return reader.steps(Params.uuid("task_uuid", taskUuid));
    }

    @GET
    @Path("{step_uuid}")
    @Operation(summary = "One step")
    public StepResponse get(@PathParam("task_uuid") String taskUuid, @PathParam("step_uuid") String stepUuid) {
        return reader.step(Params.uuid("task_uuid", taskUuid), Params.uuid("step_uuid", stepUuid));
    }

    @PATCH
    @RequiresPermission(Permission.TASKS_WRITE)
    @Path("{step_uuid}")
    @Operation(summary = "Resolve a step by hand",
            description = "Marks a pending, enqueued, waiting_for_retry or error step resolved_manually; "
                    + "resolution_data becomes its result for its children. A task in error because of it resumes.")
    @APIResponse(responseCode = "409", description = "The step's state (or the task's) does not allow resolution, "
            + "also when a worker claimed the step while it was being resolved")
    public StepResponse resolve(@PathParam("task_uuid") String taskUuid, @PathParam("step_uuid") String stepUuid,
            StepResolution resolution) {
        UUID task = Params.uuid("task_uuid", taskUuid);
        UUID step = Params.uuid("step_uuid", stepUuid);
        resolver.resolve(task, step, resolution);
        return reader.step(task, step);
    }
}
