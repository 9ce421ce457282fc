package dev.tasker.client.error;

/** Any other failure the service reported (500 and unexpected statuses): the service log has the details. */
public final class ServerFailureException extends TaskerApiException {

    public ServerFailureException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
