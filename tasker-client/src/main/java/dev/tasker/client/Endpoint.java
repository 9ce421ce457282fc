package dev.tasker.client;

import dev.tasker.client.error.ApiErrors;
import dev.tasker.client.error.ErrorStatusMapper;
import dev.tasker.client.http.JdkHttpApi;
import dev.tasker.client.json.JsonMappers;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Where one Tasker service answers, how long a call to it may take and the bearer token it expects (null: none).
 * Builds MicroProfile REST clients without CDI, so the same interfaces work in plain Java and in a Quarkus
 * application with a URL chosen at run time; their error statuses arrive as typed {@code TaskerApiException}s.
 */
public record Endpoint(String service, URI baseUrl, Duration connectTimeout, Duration readTimeout, String authToken) {

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
        if (authToken != null && (authToken.isBlank() || authToken.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException(service + " auth token must not be blank or contain whitespace");
        }
    }

    public Endpoint(String service, URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(service, baseUrl, connectTimeout, readTimeout, null);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    /** The same service at another URL (e.g. a worker found in the registry), with the same timeouts and token. */
    public Endpoint at(URI otherUrl) {
        return new Endpoint(service, otherUrl, connectTimeout, readTimeout, authToken);
    }

    public <T> T client(Class<T> api) {
        RestClientBuilder builder;
        try {
            builder = RestClientBuilder.newBuilder();
        } catch (IllegalStateException notInQuarkus) {
            // Outside a Quarkus application there are no generated REST clients: the same API over the JDK's
            // HTTP client (plain Java, plain JUnit tests of the testing kit).
            return JdkHttpApi.create(api, baseUrl, connectTimeout, readTimeout, authToken, errorMapper());
        }
        builder.baseUri(baseUrl)
                .register(errorMapper())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (authToken != null) {
            builder.header("Authorization", "Bearer " + authToken);
        }
        return builder.build(api);
    }

    /** Failed calls to this service as typed {@code TaskerApiException}s naming it. */
    public ApiErrors errors() {
        return new ApiErrors(service, baseUrl, JsonMappers.json());
    }

    private ErrorStatusMapper errorMapper() {
        return new ErrorStatusMapper(errors());
    }

    @Override
    public String toString() {
        // Never print the token: records would otherwise put it in every log line that shows an endpoint.
        return "Endpoint[service=" + service + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", authToken=" + (authToken == null ? "none" : "****") + "]";
    }
}
