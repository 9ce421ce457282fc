package dev.tasker.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Where one Tasker service answers and how long a call to it may take. Builds MicroProfile REST clients without
 * CDI, so the same interfaces work in plain Java and in a Quarkus application with a URL chosen at run time.
 */
public record Endpoint(String service, URI baseUrl, Duration connectTimeout, Duration readTimeout) {

    public Endpoint {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException(service + " URL must start with http:// or https://, got " + baseUrl);
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException(service + " URL has no host: " + baseUrl);
        }
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    public <T> T client(Class<T> api) {
        return RestClientBuilder.newBuilder()
                .baseUri(baseUrl)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(api);
    }
}
