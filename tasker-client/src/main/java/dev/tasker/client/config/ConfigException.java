package dev.tasker.client.config;

/** The client configuration cannot be used; the message names the value, where it came from and what to fix. */
public class ConfigException extends RuntimeException {

    private final boolean shownByConfigShow;

    public ConfigException(String message) {
        this(message, null, true);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, cause, true);
    }

    private ConfigException(String message, Throwable cause, boolean shownByConfigShow) {
        super(message, cause);
        this.shownByConfigShow = shownByConfigShow;
    }

    /** A problem 'config show' cannot print a table for either (the selected profile has nowhere to come from). */
    public static ConfigException beforeAnyValue(String message) {
        return new ConfigException(message, null, false);
    }

    /** Whether 'tasker-cli config show' would list the values involved, so that pointing to it helps. */
    public boolean shownByConfigShow() {
        return shownByConfigShow;
    }
}
