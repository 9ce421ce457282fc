package dev.tasker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TASKER_NAMESPACES, as an image or compose file sets it, reaches the mapping: a list, or nothing at all. */
class WorkerConfigEnvironmentTest {

    private static WorkerConfig fromEnvironment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("TASKER_WORKER_ID", "env-test-worker");
        // Quarkus' converter reads the "5s" of the defaults; plain SmallRye reads only ISO-8601 ("PT5S").
        return new SmallRyeConfigBuilder().withSources(new EnvConfigSource(env, 300))
                .withConverter(Duration.class, 200, new DurationConverter()).withMapping(WorkerConfig.class)
                .build().getConfigMapping(WorkerConfig.class);
    }

    @Test
    void aCommaListOverridesTheTemplatesNamespaces() {
        assertThat(fromEnvironment(Map.of("TASKER_NAMESPACES", "billing,orders")).namespaces())
                .contains(List.of("billing", "orders"));
    }

    @Test
    void unsetOrEmptyLeavesThemToTheTemplates() {
        assertThat(fromEnvironment(Map.of()).namespaces()).isEmpty();
        assertThat(fromEnvironment(Map.of("TASKER_NAMESPACES", "")).namespaces()).isEmpty();
    }
}
