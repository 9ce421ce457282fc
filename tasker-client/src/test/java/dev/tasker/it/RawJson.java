package dev.tasker.it;

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

/**
 * Plain HTTP GETs of the services' JSON with the JDK client. Used where the REST client library cannot be, or
 * should not be: diagnostics (the CLI tests run in a plain JVM, without Quarkus' generated clients) and checks of
 * the exact JSON a service sent (decimal scale, which a double would lose).
 */
public final class RawJson {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Numbers exactly as written: 209.97 and 5.00 stay decimals with their scale. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    /** Sends the admin token of the stack's test keys. */
    public RawJson() {
        this(ItTokens.ADMIN);
    }

    /** @param token sent as a bearer token; null sends none */
    public RawJson(String token) {
        this.token = token;
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
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).method(method,
                    jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e.getMessage(), e);
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
