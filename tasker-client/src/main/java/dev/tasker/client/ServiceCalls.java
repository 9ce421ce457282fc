package dev.tasker.client;

import dev.tasker.client.error.ApiErrors;
import dev.tasker.client.retry.Retrier;
import dev.tasker.client.retry.RetryPolicy;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;

/**
 * Runs REST client calls of one service: safe calls are retried, and what the client raises besides the typed
 * error of an error status ({@link dev.tasker.client.error.ErrorStatusMapper}) becomes typed too: no answer at all,
 * or an answer it could not take.
 */
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
        return new ServiceCalls(endpoint, endpoint.errors(), new Retrier(retry));
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
        } catch (ProcessingException e) {
            throw errors.fromProcessing(e);
        } catch (WebApplicationException e) {
            // Error statuses arrive typed; this is a body the client cannot read or a redirect it did not follow.
            throw errors.fromResponse(e);
        }
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
