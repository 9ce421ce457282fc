package dev.tasker.client;

import dev.tasker.client.error.ApiErrors;
import dev.tasker.client.json.JsonMappers;
import dev.tasker.client.retry.Retrier;
import dev.tasker.client.retry.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Runs REST client calls of one service: failures become typed exceptions, safe calls are retried. */
public final class ServiceCalls {

    private final Endpoint endpoint;
    private final ApiErrors errors;
    private final Retrier retrier;

    public ServiceCalls(Endpoint endpoint, ApiErrors errors, Retrier retrier) {
        this.endpoint = endpoint;
        this.errors = errors;
        this.retrier = retrier;
    }

    public static ServiceCalls of(Endpoint endpoint, RetryPolicy retry) {
        return new ServiceCalls(endpoint, new ApiErrors(endpoint.service(), endpoint.baseUrl(), JsonMappers.json()),
                new Retrier(retry));
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** A call that may be repeated without changing the outcome (GET, PUT, DELETE, create with a key). */
    public <T> T idempotent(Supplier<T> call) {
        return retrier.call(() -> once(call));
    }

    /** A call that must not be repeated blindly. */
    public <T> T once(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw errors.fromResponse(e);
        } catch (ProcessingException e) {
            throw errors.fromProcessing(e);
        }
    }

    /** The entity of a {@code Response}-typed call, or the typed error when its status is one. */
    public <T> T entity(Response response, Class<T> type) {
        if (response.getStatus() >= 400) {
            throw errors.fromResponse(new WebApplicationException(response));
        }
        return response.readEntity(type);
    }

    /** Releases a REST client's connections; nothing is lost if that fails, so failures are ignored. */
    public static void closeQuietly(Object restClient) {
        if (restClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the connections go with the process at the latest
            }
        }
    }
}
