package dev.tasker.client.error;

/** 404: the task, step, template or worker asked for does not exist. */
public final class NotFoundException extends TaskerApiException {

    public NotFoundException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
