package dev.tasker.client.error;

/** 401 or 403: no valid token was sent, or the token may not do this. */
public final class AccessDeniedException extends TaskerApiException {

    public AccessDeniedException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
