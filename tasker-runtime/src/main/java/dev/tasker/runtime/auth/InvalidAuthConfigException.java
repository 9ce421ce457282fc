package dev.tasker.runtime.auth;

/** The tasker.auth configuration cannot be used; the service does not start. Names keys, never tokens. */
public class InvalidAuthConfigException extends IllegalStateException {

    public InvalidAuthConfigException(String message) {
        super(message);
    }
}
