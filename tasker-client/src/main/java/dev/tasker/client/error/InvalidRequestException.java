package dev.tasker.client.error;

/** 400 or 413: the service refused the request as invalid; the message says what to fix. */
public final class InvalidRequestException extends TaskerApiException {

    public InvalidRequestException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
