package dev.tasker.client.error;

/** 409: the request does not fit the current state (e.g. cancelling a finished task, or an idempotency key reused with a different request). */
public final class ConflictException extends TaskerApiException {

    public ConflictException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
