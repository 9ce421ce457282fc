package dev.tasker.runtime.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API-key authentication, off unless {@code tasker.auth.enabled=true}. Each key has a name (used in logs and
 * 403 messages, never the token), either a {@code token} or a {@code token-file} (a mounted secret, trimmed)
 * and its permissions:
 *
 * <pre>
 * tasker.auth.enabled=true
 * tasker.auth.keys.admin.token-file=/run/secrets/tasker-admin-token
 * tasker.auth.keys.admin.permissions=*
 * tasker.auth.keys.reader.token=...
 * tasker.auth.keys.reader.permissions=tasks:read,workers:read,system:read
 * </pre>
 *
 * From the environment: {@code TASKER_AUTH_ENABLED}, {@code TASKER_AUTH_KEYS_READER_TOKEN},
 * {@code TASKER_AUTH_KEYS_READER_TOKEN_FILE}, {@code TASKER_AUTH_KEYS_READER_PERMISSIONS} (key names of
 * lower-case letters and digits map this way; others need the quoted form in a properties file).
 */
@ConfigMapping(prefix = "tasker.auth")
public interface AuthConfig {

    @WithDefault("false")
    boolean enabled();

    Map<String, Key> keys();

    interface Key {
        Optional<String> token();

        Optional<Path> tokenFile();

        /** Permission names, e.g. {@code tasks:read}, or {@code *} for all. */
        Optional<List<String>> permissions();
    }
}
