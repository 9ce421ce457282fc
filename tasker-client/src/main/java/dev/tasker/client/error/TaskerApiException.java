package dev.tasker.client.error;

import java.net.URI;

/**
 * A call to a Tasker service that did not give the answer asked for. The subtype says what kind of failure it is,
 * so callers can react per kind; {@link #code()} is the API's error code ({@code NOT_FOUND}, ...) or, for failures
 * without an HTTP answer, a code the client chose ({@code CONNECTION_REFUSED}, {@code TIMEOUT}, ...).
 */
public abstract sealed class TaskerApiException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidRequestException, AccessDeniedException,
        UnavailableException, ServerFailureException, TaskTimeoutException {

    /** {@link #httpStatus()} of a failure that has no HTTP answer (refused connection, timeout). */
    public static final int NO_RESPONSE = 0;

    private final String service;
    private final URI baseUrl;
    private final String code;
    private final int httpStatus;
    private final String body;

    protected TaskerApiException(ApiFailure failure, Throwable cause) {
        super(failure.message(), cause);
        this.service = failure.service();
        this.baseUrl = failure.baseUrl();
        this.code = failure.code();
        this.httpStatus = failure.httpStatus();
        this.body = failure.body();
    }

    /** {@code orchestration} or {@code worker}. */
    public String service() {
        return service;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String code() {
        return code;
    }

    /** The HTTP status of the answer, or {@link #NO_RESPONSE}. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The body of the answer as received, {@code ""} when there was none: the service's JSON error, a proxy's page,
     * or the checks of a {@code /health/ready} that answered 503.
     */
    public String body() {
        return body;
    }
}
