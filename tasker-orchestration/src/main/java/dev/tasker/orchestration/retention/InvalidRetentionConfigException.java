package dev.tasker.orchestration.retention;

/** The tasker.retention configuration cannot be used; the service does not start. */
public class InvalidRetentionConfigException extends IllegalStateException {

    public InvalidRetentionConfigException(String message) {
        super(message);
    }
}
