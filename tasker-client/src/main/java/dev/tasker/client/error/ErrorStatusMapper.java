package dev.tasker.client.error;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Raises the typed error of an error status (400 and above) inside the REST client, so that every call of a client
 * built by {@code Endpoint.client} throws a {@link TaskerApiException} instead of a {@code WebApplicationException}
 * its caller would have to unwrap. One instance per service, because the error names the service and its URL.
 * {@code JdkHttpApi} consults it exactly as the generated REST clients do.
 */
public final class ErrorStatusMapper implements ResponseExceptionMapper<TaskerApiException> {

    private final ApiErrors errors;

    public ErrorStatusMapper(ApiErrors errors) {
        this.errors = errors;
    }

    @Override
    public TaskerApiException toThrowable(Response response) {
        return errors.fromResponse(response, null);
    }
}
