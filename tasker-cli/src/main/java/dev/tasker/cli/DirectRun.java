package dev.tasker.cli;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SysPropConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import picocli.CommandLine;

/**
 * Runs a command of the packaged CLI without starting Quarkus: the same command classes, setup and client
 * library, with the beans built by hand ({@link BeanFactory}) and the configuration sources Quarkus would give
 * the CLI (system properties, environment, application.properties, in that order). A command then starts in
 * about a third of the time, since most of it went to booting Quarkus (CDI, configuration, Vert.x); the client
 * library answers over the JDK's HTTP client there.
 */
final class DirectRun {

    private DirectRun() {
    }

    static int run(String version, String... args) {
        return commandLine(Host.ofThisMachine(sources()), version, args).execute(args);
    }

    /**
     * The CLI's command line for {@code args}, its commands made without CDI and only those the arguments name
     * ({@link CommandTree#forArguments}); the test harness runs its commands through this too.
     */
    static CommandLine commandLine(Host host, String version, String... args) {
        Map<Class<?>, Object> beans = Map.of(SessionFactory.class, new SessionFactory(host),
                VersionProvider.class, new VersionProvider(version));
        CommandLine root = new CommandLine(TaskerCli.class, new BeanFactory(beans));
        return CommandLineSetup.configure(CommandTree.forArguments(root, args));
    }

    /** The ordinals are SmallRye's defaults: system properties 400, environment 300, application.properties 250. */
    private static List<ConfigSource> sources() {
        List<ConfigSource> sources = new ArrayList<>(List.of(new SysPropConfigSource(),
                new EnvConfigSource(System.getenv(), 300)));
        URL properties = DirectRun.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            try {
                sources.add(new PropertiesConfigSource(properties, 250));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the CLI's " + properties, e);
            }
        }
        return sources;
    }
}
