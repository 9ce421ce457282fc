package dev.tasker.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment variables the compose stack sets reach the mapping as the keys they name. */
class AuthConfigEnvironmentTest {

    static AuthConfig fromEnvironment(Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(AuthConfig.class)
                .build();
        return config.getConfigMapping(AuthConfig.class);
    }

    @Test
    void keysComeFromTaskerAuthKeysNameVariables() {
        AuthConfig auth = fromEnvironment(Map.of(
                "TASKER_AUTH_ENABLED", "true",
                "TASKER_AUTH_KEYS_ADMIN_TOKEN", "tasker-it-admin-token",
                "TASKER_AUTH_KEYS_ADMIN_PERMISSIONS", "*",
                "TASKER_AUTH_KEYS_READER_TOKEN", "tasker-it-reader-token",
                "TASKER_AUTH_KEYS_READER_PERMISSIONS", "tasks:read,workers:read,system:read",
                "TASKER_AUTH_KEYS_OPS_TOKEN_FILE", "/run/secrets/ops",
                "TASKER_AUTH_KEYS_OPS_PERMISSIONS", "system:read"));

        assertThat(auth.enabled()).isTrue();
        assertThat(auth.keys()).containsOnlyKeys("admin", "reader", "ops");
        assertThat(auth.keys().get("admin").token()).contains("tasker-it-admin-token");
        assertThat(auth.keys().get("admin").permissions()).contains(List.of("*"));
        assertThat(auth.keys().get("reader").permissions())
                .contains(List.of("tasks:read", "workers:read", "system:read"));
        assertThat(auth.keys().get("ops").token()).isEmpty();
        assertThat(auth.keys().get("ops").tokenFile()).contains(Path.of("/run/secrets/ops"));
    }

    @Test
    void offAndKeylessByDefault() {
        AuthConfig auth = fromEnvironment(Map.of());
        assertThat(auth.enabled()).isFalse();
        assertThat(auth.keys()).isEmpty();
    }
}
