package dev.tasker.runtime.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * SmallRye serves every health group at {@code /q/health/group} too, and the {@code /q} routes ask for no
 * credentials. The detailed checks are for {@code system:read} keys, so they are served at
 * {@code /health/detailed} only: there the auth filter applies.
 */
@ApplicationScoped
public class HealthGroupPaths {

    static final String PREFIX = "/q/health/group";

    private final String notFound;

    public HealthGroupPaths(ObjectMapper json) throws JsonProcessingException {
        this.notFound = json.writeValueAsString(ErrorResponse.of(ErrorCode.NOT_FOUND,
                "health groups are not served here; GET /health/detailed has the detailed checks"));
    }

    void hide(@Observes Filters filters) {
        filters.register(request -> {
            if (request.normalizedPath().startsWith(PREFIX)) {
                request.response().setStatusCode(404)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(notFound);
            } else {
                request.next();
            }
        }, 100);
    }
}
