package dev.tasker.cli.config;

import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.cli.output.Table;
import dev.tasker.client.config.ResolvedSetting;
import java.nio.file.Path;
import picocli.CommandLine.Command;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print every effective setting and where it came from (flag, env, file, default); tokens "
                + "are masked. Then check the settings and say what is wrong, if anything.",
        footer = {"", "Example: TASKER_PROFILE=staging tasker-cli config show",
            "", "Exit codes: 0 the settings are usable; 2 one is not (named on stderr)."})
public class ConfigShowCommand extends SessionCommand {

    public ConfigShowCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        var config = session.config();
        ConfigReport report = new ConfigReport(config.file().map(Path::toString).orElse(null), config.all());
        session.output().print(report, r -> "config file: " + (r.configFile() == null ? "none (looked for "
                + session.host().configFileCandidates() + ")" : r.configFile()) + "\n\n"
                + Table.of(r.settings())
                        .column("SETTING", ResolvedSetting::name)
                        .column("VALUE", ResolvedSetting::shown)
                        .column("SOURCE", ResolvedSetting::source)
                        .render(session.output().style()));
        // Checked after printing, so the table shows where the bad value came from.
        config.client();
        return ExitCodes.OK;
    }
}
