package dev.tasker.runtime.web;

import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import dev.tasker.runtime.db.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies over {@code quarkus.http.limits.max-body-size} (default 1M here) are refused by Vert.x before any
 * resource runs; this gives that refusal the contract's JSON body instead of an empty 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final Json json;
    private final String limit;

    public BodyLimit(Json json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") String limit) {
        this.json = json;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        router.errorHandler(413, ctx -> ctx.response()
                .setStatusCode(413)
                .putHeader("Content-Type", "application/json")
                .end(json.write(ErrorResponse.of(ErrorCode.PAYLOAD_TOO_LARGE,
                        "request body is larger than the limit of " + limit))));
    }
}
