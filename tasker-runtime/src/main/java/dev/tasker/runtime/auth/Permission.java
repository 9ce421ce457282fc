package dev.tasker.runtime.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an API key may do. The wire form, used in configuration and error messages, is e.g. {@code tasks:read}. */
public enum Permission {
    TASKS_READ("tasks:read"),
    TASKS_WRITE("tasks:write"),
    TEMPLATES_WRITE("templates:write"),
    WORKERS_READ("workers:read"),
    WORKERS_WRITE("workers:write"),
    SYSTEM_READ("system:read"),
    /** {@code *}: every permission, including any added later. */
    ALL("*");

    private final String wire;

    Permission(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Whether holding this permission allows what {@code needed} guards. */
    public boolean grants(Permission needed) {
        return this == ALL || this == needed;
    }

    public static Optional<Permission> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wire.equals(wanted)).findFirst();
    }

    /** The accepted names, for messages that refuse an unknown one. */
    public static String known() {
        return Arrays.stream(values()).map(Permission::wire).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return wire;
    }
}
