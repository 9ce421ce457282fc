package dev.tasker.worker.handler;

/**
 * A step attempt that failed, with an error type (a short machine-readable word such as
 * {@code validation_error}), a message for people, and whether another attempt could succeed.
 */
public class StepFailure extends RuntimeException {

    private final String errorType;
    private final boolean retryable;

    public StepFailure(String errorType, String message, boolean retryable) {
        super(message);
        this.errorType = errorType;
        this.retryable = retryable;
    }

    /** Another attempt cannot succeed (bad input, a refused payment): the step fails at once. */
    public static StepFailure permanent(String errorType, String message) {
        return new StepFailure(errorType, message, false);
    }

    /** Another attempt may succeed (a timeout, a busy dependency): retried per the template's retry policy. */
    public static StepFailure retryable(String errorType, String message) {
        return new StepFailure(errorType, message, true);
    }

    public String errorType() {
        return errorType;
    }

    public boolean retryable() {
        return retryable;
    }
}
