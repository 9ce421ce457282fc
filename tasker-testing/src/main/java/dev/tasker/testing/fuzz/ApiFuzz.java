package dev.tasker.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A bounded fuzz run against a live service: {@code requests} random requests for the operations of its OpenAPI
 * document ({@code /q/openapi}), and every answer checked: never a 5xx, every 4xx in the error format
 * {@code {"error":{"code","message"}}}, every request answered within its deadline. Deterministic for a seed.
 * System properties {@code tasker.fuzz.seed} and {@code tasker.fuzz.requests} override a test's figures, which is
 * how {@code scripts/fuzz.sh} runs the same tests long.
 */
public final class ApiFuzz {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Vert.x's limit on the request line (quarkus.http.limits.max-initial-line-length): a longer one is answered
     * 414 by the HTTP layer, before any of the service's code, with no body, and the connection closed.
     */
    private static final int MAX_REQUEST_LINE = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer that broke a rule, with the request that caused it. */
    public record Violation(FuzzRequest request, int status, String body, String problem) {

        @Override
        public String toString() {
            return problem + " (status " + status + ", body " + (body.length() > 300 ? body.substring(0, 300) + "..."
                    : body) + ") for " + request;
        }
    }

    /** What a run sent and what broke: statuses counted by code. */
    public record Report(long seed, int requests, int operations, Map<Integer, Integer> statuses,
            List<Violation> violations) {

        @Override
        public String toString() {
            return requests + " requests over " + operations + " operations (seed " + seed + "): statuses "
                    + statuses + ", " + violations.size() + " violations";
        }
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** @param token sent as a bearer token on every request; null sends none */
    public ApiFuzz(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The seed to use: {@code tasker.fuzz.seed} when set, else the test's own. */
    public static long seed(long fallback) {
        return Long.getLong("tasker.fuzz.seed", fallback);
    }

    /** How many requests: {@code tasker.fuzz.requests} when set, else the test's own. */
    public static int requests(int fallback) {
        return Integer.getInteger("tasker.fuzz.requests", fallback);
    }

    public Report run(long seed, int requests) throws IOException, InterruptedException {
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (doc.statusCode() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + doc.statusCode() + ": no document to fuzz");
        }
        RequestGenerator generator = new RequestGenerator(JSON.readTree(doc.body()), new Random(seed));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            FuzzRequest request = generator.next();
            HttpResponse<String> answer;
            try {
                answer = send(request);
            } catch (IOException e) {
                violations.add(new Violation(request, 0, "", "no answer: " + e));
                continue;
            } catch (IllegalArgumentException e) {
                // The JDK client refused the request itself (e.g. a header it will not send): not the service's.
                continue;
            }
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String problem = answer.statusCode() == 414 && request.path().length() > MAX_REQUEST_LINE ? null
                    : problem(answer.statusCode(), answer.body());
            if (problem != null) {
                violations.add(new Violation(request, answer.statusCode(), answer.body(), problem));
            }
        }
        return new Report(seed, requests, generator.operationCount(), statuses, violations);
    }

    /**
     * Sends once more on a fresh connection when the first attempt found its pooled connection closed: the server
     * closes the connection after a 414, and the client learns it only on the next request.
     */
    private HttpResponse<String> send(FuzzRequest request) throws IOException, InterruptedException {
        try {
            return http.send(build(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return http.send(build(request), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpRequest build(FuzzRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + r.path()))
                .timeout(REQUEST_TIMEOUT)
                .method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
        r.headers().forEach((name, value) -> {
            if (!value.isEmpty()) {
                b.header(name, value);
            }
        });
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    /** Null when the answer keeps the rules; else what it broke. */
    static String problem(int status, String body) {
        if (status >= 500) {
            return "a server error";
        }
        if (status < 400) {
            return null;
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (!error.path("code").isTextual() || error.path("code").asText().isBlank()
                    || !error.path("message").isTextual() || error.path("message").asText().isBlank()) {
                return "a " + status + " not in the error format {\"error\":{\"code\",\"message\"}}";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "a " + status + " whose body is not JSON";
        }
    }
}
