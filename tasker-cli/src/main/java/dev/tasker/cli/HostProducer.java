package dev.tasker.cli;

import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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
        return Host.ofThisMachine(sources);
    }
}
