package dev.tasker.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What the CLI knows of the machine it runs on: the user's home and working directory (where config files are
 * looked for), whether a person is watching (live progress and colours only then), the environment (NO_COLOR),
 * and the configuration sources below the config file (the application's: system properties, environment,
 * application.properties). Tests describe a machine of their own.
 */
public record Host(Path home, Path workingDir, String user, boolean interactive, Map<String, String> env,
        List<ConfigSource> configSources) {

    public Host {
        env = Map.copyOf(env);
        configSources = List.copyOf(configSources);
    }

    /** The machine this process runs on, with the given configuration sources below the config file. */
    public static Host ofThisMachine(List<ConfigSource> configSources) {
        // Java 17 has no isatty for stderr alone; a console means stdin and stdout are a terminal, which is when
        // a person is watching.
        return new Host(Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath(),
                System.getProperty("user.name", "unknown"), System.console() != null, System.getenv(),
                configSources);
    }

    /** {@code ./tasker-client.toml}, then {@code ~/.tasker/config.toml}. */
    public List<Path> configFileCandidates() {
        return List.of(workingDir.resolve("tasker-client.toml"), defaultConfigFile());
    }

    public Path defaultConfigFile() {
        return home.resolve(".tasker").resolve("config.toml");
    }

    /** https://no-color.org: present and not empty turns colours off. */
    public boolean noColorRequested() {
        String value = env.get("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
