package dev.tasker.cli;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** The real machine, for the running application. */
@Singleton
public class HostProducer {

    @Produces
    @Singleton
    Host host(Config config) {
        List<ConfigSource> sources = new ArrayList<>();
        config.unwrap(SmallRyeConfig.class).getConfigSources().forEach(sources::add);
        // Java 17 has no isatty for stderr alone; a console means stdin and stdout are a terminal, which is when
        // a person is watching.
        return new Host(Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath(),
                System.getProperty("user.name", "unknown"), System.console() != null, System.getenv(), sources);
    }
}
