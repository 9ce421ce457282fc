package dev.tasker.runtime.auth;

import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies the {@link AccessPolicy} to every JAX-RS request, after routing (it needs the matched method) and
 * before the body is read. Vert.x routes outside JAX-RS ({@code /metrics}, {@code /q/*}) do not pass here.
 */
public class AuthFilter {

    private static final Logger LOG = Logger.getLogger(AuthFilter.class);

    private final AccessPolicy policy;

    public AuthFilter(AccessPolicy policy) {
        this.policy = policy;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (!policy.enabled()) {
            return null;
        }
        Optional<AccessPolicy.Denial> denial = policy.check(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                resource.getResourceMethod(), resource.getResourceClass());
        if (denial.isEmpty()) {
            return null;
        }
        AccessPolicy.Denial d = denial.get();
        LOG.debugf("%s %s refused with %d: %s", request.getMethod(), request.getUriInfo().getPath(),
                d.code().status(), d.message());
        Response.ResponseBuilder response = Response.status(d.code().status()).type(MediaType.APPLICATION_JSON)
                .entity(ErrorResponse.of(d.code(), d.message()));
        if (d.code() == ErrorCode.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, AccessPolicy.CHALLENGE);
        }
        return response.build();
    }
}
