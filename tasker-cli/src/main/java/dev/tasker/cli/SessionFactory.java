package dev.tasker.cli;

import dev.tasker.cli.output.Output;
import dev.tasker.cli.output.OutputFormat;
import dev.tasker.cli.output.Style;
import dev.tasker.client.config.ConfigLayers;
import dev.tasker.client.config.EffectiveConfig;
import dev.tasker.client.config.Setting;
import jakarta.inject.Singleton;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Opens a {@link Session} for the command being run: reads the global options from the top command, layers the
 * configuration (flags over environment over config file over defaults) and sets up the output.
 */
@Singleton
public class SessionFactory {

    private final Host host;

    public SessionFactory(Host host) {
        this.host = host;
    }

    public Session open(CommandSpec spec) {
        GlobalOptions options = ((TaskerCli) spec.root().userObject()).options();
        EffectiveConfig config = options.applyTo(ConfigLayers.over(host.configSources())
                .discoverFileIn(host.configFileCandidates())).load();
        OutputFormat format = OutputFormat.of(config.resolve(Setting.CLI_FORMAT));
        Output output = new Output(format, new Style(colored(config)), spec.commandLine().getOut(),
                spec.commandLine().getErr());
        Session session = new Session(config, output, options, host);
        config.file().ifPresent(file -> session.verbose("config file: " + file));
        // Which credential goes where, by source only: the first thing to check when a service answers 401.
        session.verbose("orchestration: sending " + session.credentialOf("orchestration"));
        session.verbose("worker: sending " + session.credentialOf("worker"));
        return session;
    }

    private boolean colored(EffectiveConfig config) {
        var setting = config.resolve(Setting.CLI_COLOR);
        boolean configured = switch (setting.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw setting.invalid("must be true or false");
        };
        return configured && !host.noColorRequested() && host.interactive();
    }

    public Host host() {
        return host;
    }
}
