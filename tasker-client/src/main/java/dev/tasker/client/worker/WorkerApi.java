package dev.tasker.client.worker;

import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.worker.HandlerInfo;
import dev.tasker.api.worker.NamespaceStatus;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.client.ServiceApi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A worker's REST API (port 8081). Inject with {@code @RestClient} (configured under
 * {@code quarkus.rest-client.worker.*}) or build with {@link dev.tasker.client.Endpoint#client}; most callers want
 * {@link WorkerClient}, which adds retries. Error statuses arrive as for {@code OrchestrationApi}.
 */
@RegisterRestClient(configKey = "worker")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface WorkerApi extends ServiceApi {

    @GET
    @Path("status")
    WorkerStatus status();

    @GET
    @Path("status/namespaces")
    List<NamespaceStatus> namespaces();

    @GET
    @Path("handlers")
    List<HandlerInfo> handlers();

    @GET
    @Path("templates")
    TemplateListResponse templates();
}
