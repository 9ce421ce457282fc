package dev.tasker.runtime.web;

import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.error.ErrorResponse;
import dev.tasker.runtime.db.Json;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code quarkus.http.limits.max-body-size} (1M by default here) with the contract's
 * JSON error before anything reads them. Quarkus would refuse them too, but with an empty 413. A chunked body
 * without Content-Length that grows past the limit still gets Quarkus' bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final Json json;
    private final MemorySize limit;

    public BodyLimit(Json json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.json = json;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLong(length, max)) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close")
                        .end(json.write(ErrorResponse.of(ErrorCode.PAYLOAD_TOO_LARGE,
                                "request body of " + length + " bytes is larger than the limit of " + max
                                        + " bytes")));
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself rejects a malformed Content-Length
        }
    }
}
