package dev.tasker.cli;

import dev.tasker.cli.output.Output;
import dev.tasker.client.TaskerClient;
import dev.tasker.client.config.EffectiveConfig;
import dev.tasker.client.config.ResolvedSetting;
import dev.tasker.client.config.Setting;
import java.time.Duration;

/**
 * One run of a command: the effective configuration, where output goes and, on first use, the client. Closing it
 * releases the client's connections.
 */
public final class Session implements AutoCloseable {

    /** How long --wait and 'task wait' wait when no --timeout is given. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    private final EffectiveConfig config;
    private final Output output;
    private final GlobalOptions options;
    private final Host host;
    private TaskerClient client;

    Session(EffectiveConfig config, Output output, GlobalOptions options, Host host) {
        this.config = config;
        this.output = output;
        this.options = options;
        this.host = host;
    }

    public EffectiveConfig config() {
        return config;
    }

    public Output output() {
        return output;
    }

    public Host host() {
        return host;
    }

    /** The client; the connection settings are validated here, so commands that need none never fail on them. */
    public TaskerClient client() {
        if (client == null) {
            client = TaskerClient.connect(config.client());
        }
        return client;
    }

    /**
     * Which token was sent to a service, named by its source only (e.g. "the token from env TASKER_AUTH_TOKEN"),
     * or that none was: what a user needs to fix a 401 or 403 without the value ever being printed.
     */
    public String credentialOf(String service) {
        Setting setting = "worker".equals(service) ? Setting.WORKER_AUTH_TOKEN : Setting.ORCHESTRATION_AUTH_TOKEN;
        ResolvedSetting token = config.authToken(setting);
        return token.isSet() ? "the token from " + token.source()
                : "no token (none set with --token, TASKER_AUTH_TOKEN or auth_token in the config file)";
    }

    public Duration waitTimeout() {
        return waitTimeout(DEFAULT_WAIT);
    }

    /** --timeout, or {@code otherwise} when none was given. */
    public Duration waitTimeout(Duration otherwise) {
        return options.timeout() != null ? options.timeout() : otherwise;
    }

    /** Live progress, only for a person watching: one line on stderr, rewritten in place. */
    public void progress(String line) {
        if (host.interactive()) {
            output.err().print("\r\u001B[2K" + line);
            output.err().flush();
        }
    }

    /** Ends the progress line, if one was shown. */
    public void endProgress() {
        if (host.interactive()) {
            output.err().print("\r\u001B[2K");
            output.err().flush();
        }
    }

    /** With --verbose, says on stderr what is happening. */
    public void verbose(String line) {
        if (options.verbose()) {
            output.note(line);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
