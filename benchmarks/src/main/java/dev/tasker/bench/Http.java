package dev.tasker.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The calls a benchmark needs: create a task, long-poll until it is terminal, list tasks by tag.
 *
 * <p>Blocking {@link HttpURLConnection}s on kept-alive connections (the JVM keeps {@code http.maxConnections} per
 * server: {@link BenchmarkMain} raises it), each call on its caller's thread: the load generator shares the
 * machine's two cores with what it measures. With these connections, one serialised body per burst and answers
 * left unparsed, its CPU fell from about 2 to 0.7 ms per task.
 */
final class Http {

    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final URI base;
    private final String token;

    /** @param token bearer token for a stack with authentication on; null or blank sends none */
    Http(URI base, String token) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token;
    }

    TaskResponse create(TaskRequest request) throws IOException {
        return call("POST", "/v1/tasks", body(request), 201, Duration.ofSeconds(30), TaskResponse.class);
    }

    /** The request body of a create, serialised once for a burst of identical requests. */
    byte[] body(TaskRequest request) throws IOException {
        return mapper.writeValueAsBytes(request);
    }

    /** Creates a task from a serialised request without reading the answer beyond its status. */
    void createQuietly(byte[] body) throws IOException {
        call("POST", "/v1/tasks", body, 201, Duration.ofSeconds(30), null);
    }

    /** Long-polls (at most 60 s a call) until the task is terminal or {@code timeout} has passed. */
    TaskResponse awaitTerminal(UUID task, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            TaskResponse t = call("GET", "/v1/tasks/" + task + "/wait?timeout=" + Math.min(leftMs, 60_000) + "ms",
                    null, 200, Duration.ofSeconds(70), TaskResponse.class);
            if (t.isTerminal() || System.nanoTime() >= deadline) {
                return t;
            }
        }
    }

    /** One page (1-100 tasks, newest first) of the tasks carrying {@code tag}, optionally only in {@code status}. */
    TaskListResponse list(String tag, String status, int page, int perPage) throws IOException {
        String query = "/v1/tasks?tag=" + tag + "&page=" + page + "&per_page=" + perPage
                + (status == null ? "" : "&status=" + status);
        return call("GET", query, null, 200, Duration.ofSeconds(30), TaskListResponse.class);
    }

    /** One request; the answer parsed as {@code type}, or read and dropped when {@code type} is null. */
    private <T> T call(String method, String path, byte[] body, int expected, Duration timeout, Class<T> type)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        c.setConnectTimeout(CONNECT_TIMEOUT_MS);
        c.setReadTimeout((int) timeout.toMillis());
        c.setRequestMethod(method);
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        byte[] answer;
        // Read to the end and close (not disconnect), so the connection goes back to the keep-alive cache.
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            answer = in == null ? new byte[0] : in.readAllBytes();
        }
        if (status != expected) {
            throw new IOException(method + " " + base.resolve(path) + " answered " + status + ": "
                    + new String(answer, StandardCharsets.UTF_8));
        }
        return type == null ? null : mapper.readValue(answer, type);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
