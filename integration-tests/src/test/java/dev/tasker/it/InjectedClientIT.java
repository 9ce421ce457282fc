package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.client.TaskerClient;
import dev.tasker.client.health.ServiceHealth;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * This module is a Quarkus application that depends on tasker-client as any other would (see its pom): the
 * client is injected, configured under tasker.* from this application's configuration, and talks to the stack.
 * Nothing of the CLI comes with it: the library ships no application.properties.
 */
@QuarkusTest
class InjectedClientIT {

    @Inject
    TaskerClient client;

    @Test
    void theInjectedClientIsConfiguredByThisApplicationAndReachesTheStack() {
        String configured = ConfigProvider.getConfig().getValue("tasker.orchestration.url", String.class);

        ServiceHealth health = client.orchestration().readiness();

        assertThat(client.config().orchestration().endpoint().baseUrl()).hasToString(configured);
        assertThat(configured).matches("http://localhost:\\d+").isNotEqualTo("http://localhost:8080");
        assertThat(health.healthy()).as(health.detail()).isTrue();
    }

    @Test
    void noConfigurationOfTheCliComesWithTheLibrary() throws IOException {
        List<URL> properties = Collections.list(getClass().getClassLoader().getResources("application.properties"));

        assertThat(properties).allSatisfy(url -> assertThat(url.toString()).doesNotContain("tasker-client")
                .doesNotContain("tasker-cli"));
        assertThat(ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class))
                .isNotEqualTo(Optional.of("tasker-cli"));
        assertThat(ConfigProvider.getConfig().getValue("quarkus.log.level", String.class)).isEqualTo("INFO");
    }
}
