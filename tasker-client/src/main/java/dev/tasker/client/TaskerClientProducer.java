package dev.tasker.client;

import dev.tasker.client.config.ConfigLayers;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Makes {@link TaskerClient} injectable in a Quarkus application, configured by the application's own config:
 * {@code tasker.orchestration.url}, {@code tasker.orchestration.timeout-ms}, ... in application.properties or as
 * TASKER_* environment variables. No config file is read: a service's settings belong in its own config.
 */
@Singleton
public class TaskerClientProducer {

    @Produces
    @Singleton
    TaskerClient taskerClient(Config config) {
        return TaskerClient.connect(
                ConfigLayers.over(config.unwrap(SmallRyeConfig.class).getConfigSources()).load().client());
    }

    void close(@Disposes TaskerClient client) {
        client.close();
    }
}
