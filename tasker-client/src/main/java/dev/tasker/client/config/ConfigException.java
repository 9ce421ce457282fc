package dev.tasker.client.config;

/** The client configuration cannot be used; the message names the value, where it came from and what to fix. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
