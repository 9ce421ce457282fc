package dev.tasker.cli;

import dev.tasker.cli.output.OutputFormat;
import dev.tasker.client.config.ConfigLayers;
import dev.tasker.client.config.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options of every command, accepted before or after the subcommand ({@code tasker-cli -o json task get X} and
 * {@code tasker-cli task get X -o json}): picocli copies inherited options into each subcommand and stores their
 * values here, in the top command's instance. Flags win over environment, config file and defaults.
 */
public class GlobalOptions {

    @Option(names = "--orchestration-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Orchestration base URL (env TASKER_ORCHESTRATION_URL; default http://localhost:8080).")
    String orchestrationUrl;

    @Option(names = "--worker-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Worker base URL (env TASKER_WORKER_URL; default http://localhost:8081).")
    String workerUrl;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Config file (default ./tasker-client.toml, else ~/.tasker/config.toml).")
    Path configFile;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Apply the config file's [profiles.NAME.*] tables (env TASKER_PROFILE).")
    String profile;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "Bearer token for both services (env TASKER_AUTH_TOKEN, or auth_token in the config "
                    + "file). Masked in 'config show' and never printed.")
    String token;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT,
            description = "table, json, yaml or jsonl (env TASKER_CLI_FORMAT; default table). json and yaml print "
                    + "one document on stdout and nothing else; jsonl prints a list's items one JSON object a line.")
    OutputFormat output;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colours (also when NO_COLOR is set or stdout is not a terminal).")
    boolean noColor;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say on stderr what is being asked of which service.")
    boolean verbose;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            scope = ScopeType.INHERIT,
            description = "Longest wait for each request, and for a task with --wait or 'task wait' (default "
                    + "2m there), e.g. 5s, 500ms, 2m, PT2M (env TASKER_*_TIMEOUT_MS).")
    Duration timeout;

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Adds the given flags as the top configuration layer, each named as its own source. */
    public ConfigLayers applyTo(ConfigLayers layers) {
        if (orchestrationUrl != null) {
            layers.flag("--orchestration-url", Map.of(Setting.ORCHESTRATION_URL, orchestrationUrl));
        }
        if (workerUrl != null) {
            layers.flag("--worker-url", Map.of(Setting.WORKER_URL, workerUrl));
        }
        if (token != null) {
            layers.flag("--token", Map.of(Setting.AUTH_TOKEN, token));
        }
        if (timeout != null) {
            String ms = Long.toString(timeout.toMillis());
            layers.flag("--timeout", Map.of(Setting.ORCHESTRATION_TIMEOUT_MS, ms, Setting.WORKER_TIMEOUT_MS, ms));
        }
        if (output != null) {
            layers.flag("--output", Map.of(Setting.CLI_FORMAT, output.wire()));
        }
        if (noColor) {
            layers.flag("--no-color", Map.of(Setting.CLI_COLOR, "false"));
        }
        if (profile != null) {
            layers.flag("--profile", Map.of(Setting.PROFILE, profile));
        }
        if (configFile != null) {
            layers.file(configFile);
        }
        return layers;
    }
}
