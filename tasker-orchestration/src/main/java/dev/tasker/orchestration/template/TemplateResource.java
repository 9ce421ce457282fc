package dev.tasker.orchestration.template;

import dev.tasker.api.template.NamespaceListResponse;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.runtime.auth.Permission;
import dev.tasker.runtime.auth.RequiresPermission;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.runtime.web.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "templates")
@RequiresPermission(Permission.TASKS_READ)
public class TemplateResource {

    private final TemplateStore templates;

    public TemplateResource(TemplateStore templates) {
        this.templates = templates;
    }

    @GET
    @Path("templates")
    @Operation(summary = "Registered template versions, optionally of one namespace")
    public TemplateListResponse list(@QueryParam("namespace") String namespace) {
        return new TemplateListResponse(templates.list(namespace));
    }

    @GET
    @Path("templates/{namespace}/{name}/{version}")
    @Operation(summary = "One template version's full definition")
    @APIResponse(responseCode = "404", description = "No such namespace, template or version")
    public TaskTemplate get(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @PathParam("version") String version) {
        return templates.get(namespace, name, version)
                .orElseThrow(() -> ApiException.notFound("template " + namespace + "/" + name + "/" + version
                        + " is not registered"));
    }

    @POST
    @RequiresPermission(Permission.TEMPLATES_WRITE)
    @Path("templates")
    @Operation(summary = "Register a template version (workers do this at boot)",
            description = "Templates are immutable per (namespace, name, version): the same definition again is "
                    + "a no-op (200); a different definition under an existing version is refused (409) - "
                    + "register the change under a new version. Invalid templates (unknown dependencies, cycles, "
                    + "duplicate step names, ...) are refused with 400 naming every problem.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Already registered with this exact definition")
    @APIResponse(responseCode = "400", description = "Invalid template")
    @APIResponse(responseCode = "409", description = "A different definition exists under this version")
    public Response register(TaskTemplate template) {
        if (template == null) {
            throw ApiException.badRequest("request body is required: a template");
        }
        TemplateStore.Outcome outcome = templates.register(template);
        URI location = URI.create("/v1/templates/" + template.namespace() + "/" + template.name() + "/"
                + template.version());
        return (outcome == TemplateStore.Outcome.CREATED ? Response.created(location) : Response.ok())
                .entity(template).build();
    }

    @GET
    @Path("namespaces")
    @Tag(name = "namespaces")
    @Operation(summary = "Namespaces with their template counts")
    public NamespaceListResponse namespaces() {
        return new NamespaceListResponse(templates.namespaces());
    }
}
