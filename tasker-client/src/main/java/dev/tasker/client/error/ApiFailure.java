package dev.tasker.client.error;

import java.net.URI;
import java.util.Objects;

/** What every {@link TaskerApiException} carries: which service failed, how, and its own words for it. */
public record ApiFailure(String service, URI baseUrl, String code, int httpStatus, String message) {

    public ApiFailure {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
