package dev.tasker.client.error;

/** The service could not be reached (connection refused, unknown host, timeout) or said it is unavailable (502, 503, 504). */
public final class UnavailableException extends TaskerApiException {

    public UnavailableException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
