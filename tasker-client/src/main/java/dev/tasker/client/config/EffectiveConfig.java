package dev.tasker.client.config;

import dev.tasker.client.Endpoint;
import dev.tasker.client.retry.RetryPolicy;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The configuration after layering: each setting's value with its source, and the validated typed view. */
public final class EffectiveConfig {

    /** Connecting should never take long; a service that does not accept a connection in this time is down. */
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_TIMEOUT_MS = Duration.ofHours(1).toMillis();
    private static final String DEFAULT = "default";

    private final SmallRyeConfig config;
    private final Path file;

    EffectiveConfig(SmallRyeConfig config, Path file) {
        this.config = config;
        this.file = file;
    }

    /** The config file that was read, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public ResolvedSetting resolve(Setting setting) {
        ConfigValue v = config.getConfigValue(setting.property());
        if (v == null || v.getValue() == null || v.getValue().isBlank()) {
            String fallback = setting.defaultValue().orElse(null);
            return new ResolvedSetting(setting, fallback, fallback == null ? "not set" : DEFAULT);
        }
        return new ResolvedSetting(setting, v.getValue().strip(), label(setting, v.getConfigSourceName()));
    }

    /** A service's token: its own, or TASKER_AUTH_TOKEN when that comes from a higher layer. */
    public ResolvedSetting authToken(Setting serviceToken) {
        ConfigValue own = config.getConfigValue(serviceToken.property());
        ConfigValue shared = config.getConfigValue(Setting.AUTH_TOKEN.property());
        boolean sharedWins = isSet(shared)
                && (!isSet(own) || shared.getConfigSourceOrdinal() > own.getConfigSourceOrdinal());
        if (!sharedWins) {
            return resolve(serviceToken);
        }
        ResolvedSetting token = resolve(Setting.AUTH_TOKEN);
        return new ResolvedSetting(serviceToken, token.value(), token.source());
    }

    /** Every setting as it applies, tokens already combined per service (see {@link #authToken}). */
    public List<ResolvedSetting> all() {
        return Arrays.stream(Setting.values())
                .filter(s -> s != Setting.AUTH_TOKEN)
                .map(s -> s == Setting.ORCHESTRATION_AUTH_TOKEN || s == Setting.WORKER_AUTH_TOKEN ? authToken(s)
                        : resolve(s))
                .toList();
    }

    /** The connection settings, validated; a {@link ConfigException} names the first bad value and its source. */
    public ClientConfig client() {
        return new ClientConfig(
                service("orchestration", Setting.ORCHESTRATION_URL, Setting.ORCHESTRATION_TIMEOUT_MS,
                        Setting.ORCHESTRATION_MAX_RETRIES, Setting.ORCHESTRATION_AUTH_TOKEN),
                service("worker", Setting.WORKER_URL, Setting.WORKER_TIMEOUT_MS, Setting.WORKER_MAX_RETRIES,
                        Setting.WORKER_AUTH_TOKEN));
    }

    private ServiceConfig service(String name, Setting url, Setting timeout, Setting retries, Setting token) {
        URI uri = parseUri(resolve(url));
        Duration read = Duration.ofMillis(number(resolve(timeout), 1, MAX_TIMEOUT_MS));
        Duration connect = read.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? read : MAX_CONNECT_TIMEOUT;
        int maxRetries = (int) number(resolve(retries), 0, RetryPolicy.MAX_RETRIES_LIMIT);
        ResolvedSetting tokenValue = authToken(token);
        if (tokenValue.isSet() && tokenValue.value().chars().anyMatch(Character::isWhitespace)) {
            throw tokenValue.invalid("must not contain whitespace: it is sent as 'Authorization: Bearer <token>'");
        }
        return new ServiceConfig(new Endpoint(name, uri, connect, read, tokenValue.value()),
                RetryPolicy.standard(maxRetries));
    }

    private static URI parseUri(ResolvedSetting value) {
        try {
            URI uri = new URI(value.value());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw value.invalid("is not an http:// or https:// URL with a host, e.g. http://localhost:8080");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw value.invalid("is not a URL: " + e.getReason());
        }
    }

    private static long number(ResolvedSetting value, long min, long max) {
        try {
            long n = Long.parseLong(value.value());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw value.invalid("must be a whole number from " + min + " to " + max);
    }

    private static boolean isSet(ConfigValue v) {
        return v != null && v.getValue() != null && !v.getValue().isBlank();
    }

    private static String label(Setting setting, String sourceName) {
        if (sourceName == null) {
            return DEFAULT;
        }
        if (sourceName.startsWith("flag ") || sourceName.startsWith("file ")) {
            return sourceName;
        }
        if (sourceName.startsWith(EnvConfigSource.NAME)) {
            // Quarkus reads a .env file in the working directory as a second environment source.
            return (sourceName.contains(".env") ? ".env file " : "env ") + setting.envVar();
        }
        if (sourceName.startsWith("SysPropConfigSource")) {
            return "system property " + setting.property();
        }
        // application.properties and built-in defaults
        return DEFAULT;
    }
}
