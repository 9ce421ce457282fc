package dev.tasker.client.error;

import java.net.URI;
import java.util.Objects;

/**
 * What every {@link TaskerApiException} carries: which service failed, how, its own words for it, and the body of
 * its answer as received ({@code ""} without one).
 */
public record ApiFailure(String service, URI baseUrl, String code, int httpStatus, String message, String body) {

    public ApiFailure {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        body = body == null ? "" : body;
    }

    /** A failure without an answer body (no answer, or a deadline of the client's own). */
    public ApiFailure(String service, URI baseUrl, String code, int httpStatus, String message) {
        this(service, baseUrl, code, httpStatus, message, "");
    }
}
