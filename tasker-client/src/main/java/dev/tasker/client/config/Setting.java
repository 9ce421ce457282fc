package dev.tasker.client.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every client setting: its SmallRye Config property, the environment variable that property maps to, its place in
 * the TOML file ({@code [table] key}) and its default. The one list the file reader, {@code config show} and the
 * typed configuration are built from.
 */
public enum Setting {
    ORCHESTRATION_URL("tasker.orchestration.url", "orchestration", "base_url", Kind.URL, "http://localhost:8080"),
    ORCHESTRATION_TIMEOUT_MS("tasker.orchestration.timeout-ms", "orchestration", "timeout_ms", Kind.MILLIS, "10000"),
    ORCHESTRATION_MAX_RETRIES("tasker.orchestration.max-retries", "orchestration", "max_retries", Kind.COUNT, "3"),
    ORCHESTRATION_AUTH_TOKEN("tasker.orchestration.auth-token", "orchestration", "auth_token", Kind.SECRET, null),
    WORKER_URL("tasker.worker.url", "worker", "base_url", Kind.URL, "http://localhost:8081"),
    WORKER_TIMEOUT_MS("tasker.worker.timeout-ms", "worker", "timeout_ms", Kind.MILLIS, "10000"),
    WORKER_MAX_RETRIES("tasker.worker.max-retries", "worker", "max_retries", Kind.COUNT, "3"),
    WORKER_AUTH_TOKEN("tasker.worker.auth-token", "worker", "auth_token", Kind.SECRET, null),
    /** TASKER_AUTH_TOKEN: one token for both services, unless a service's own token comes from a higher layer. */
    AUTH_TOKEN("tasker.auth-token", null, null, Kind.SECRET, null),
    CLI_FORMAT("tasker.cli.format", "cli", "default_format", Kind.TEXT, "table"),
    CLI_COLOR("tasker.cli.color", "cli", "colored_output", Kind.BOOLEAN, "true"),
    /** Which {@code [profiles.<name>]} of the file applies (TASKER_PROFILE or --profile). */
    PROFILE("tasker.profile", null, null, Kind.TEXT, null);

    /** How a value is written in the TOML file and checked. */
    public enum Kind {
        URL, MILLIS, COUNT, SECRET, TEXT, BOOLEAN
    }

    private final String property;
    private final String table;
    private final String key;
    private final Kind kind;
    private final String defaultValue;

    Setting(String property, String table, String key, Kind kind, String defaultValue) {
        this.property = property;
        this.table = table;
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
    }

    public String property() {
        return property;
    }

    /** The environment variable SmallRye Config maps to {@link #property()}, e.g. TASKER_ORCHESTRATION_TIMEOUT_MS. */
    public String envVar() {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** {@code table.key} in the config file, or empty for settings the file does not hold. */
    public Optional<String> fileKey() {
        return table == null ? Optional.empty() : Optional.of(table + "." + key);
    }

    /** The name shown to users: the file key where there is one, else the property without "tasker.". */
    public String displayName() {
        return fileKey().orElse(property.substring(property.indexOf('.') + 1));
    }

    public Kind kind() {
        return kind;
    }

    public boolean secret() {
        return kind == Kind.SECRET;
    }

    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    static Optional<Setting> inFile(String table, String key) {
        return Arrays.stream(values()).filter(s -> s.fileKey().equals(Optional.of(table + "." + key))).findFirst();
    }

    static boolean isTable(String name) {
        return Arrays.stream(values()).anyMatch(s -> name.equals(s.table));
    }
}
