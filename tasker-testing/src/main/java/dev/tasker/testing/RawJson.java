package dev.tasker.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plain HTTP GETs of the services' JSON with the JDK client. Used where the REST client library cannot be, or
 * should not be: diagnostics (the CLI tests run in a plain JVM, without Quarkus' generated clients) and checks of
 * the exact JSON a service sent (decimal scale, which a double would lose).
 */
public final class RawJson {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Numbers exactly as written: 209.97 and 5.00 stay decimals with their scale. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** HTTP/1.1: the JDK client's h2c upgrade path has been seen to outlive the request timeout. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final Duration timeout;

    /** Sends the admin token of the stack's test keys. */
    public RawJson() {
        this(ItTokens.ADMIN);
    }

    /** @param token sent as a bearer token; null sends none */
    public RawJson(String token) {
        this(token, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long one request may take (it is also cut off 2 s after that, whatever happens) */
    public RawJson(String token, Duration timeout) {
        this.token = token;
        this.timeout = timeout;
    }

    /** The body as JSON with exact decimals; fails unless the service answered 200. */
    public JsonNode get(URI url) {
        HttpResponse<String> response = send(url);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return EXACT.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("GET " + url + " did not answer JSON: " + response.body(), e);
        }
    }

    /** A response's status and JSON body (null when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
    }

    /** The status and JSON body, whatever the status. */
    public Answer answer(URI url) {
        return answer("GET", url, null);
    }

    /** Any method, with an optional JSON body; the status and JSON body whatever the status. */
    public Answer answer(String method, URI url, String jsonBody) {
        HttpResponse<String> response = send(method, url, jsonBody);
        try {
            return new Answer(response.statusCode(), EXACT.readTree(response.body()));
        } catch (JsonProcessingException notJson) {
            return new Answer(response.statusCode(), null);
        }
    }

    /** For reports: the status and the indented body, or why there was no answer; never throws. */
    public String show(URI url) {
        try {
            HttpResponse<String> response = send(url);
            return "HTTP " + response.statusCode() + "\n" + indent(response.body());
        } catch (RuntimeException e) {
            return "no answer: " + e;
        }
    }

    private HttpResponse<String> send(URI url) {
        return send("GET", url, null);
    }

    private HttpResponse<String> send(String method, URI url, String jsonBody) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).method(method,
                    jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            // A hard deadline on top of the request timeout: a report or a check must never hang the suite.
            CompletableFuture<HttpResponse<String>> response =
                    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
            try {
                return response.get(timeout.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                response.cancel(true);
                throw new UncheckedIOException(method + " " + url + " failed: no answer within "
                        + timeout.plusSeconds(2).toSeconds() + " s", new IOException(e));
            } catch (ExecutionException e) {
                throw new UncheckedIOException(method + " " + url + " failed: " + e.getCause().getMessage(),
                        e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + url, e);
        }
    }

    private static String indent(String body) {
        try {
            return EXACT.writeValueAsString(EXACT.readTree(body));
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }
}
