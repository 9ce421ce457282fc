package dev.tasker.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The calls a benchmark needs: create a task, long-poll until it is terminal, list tasks by tag. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final URI base;
    private final String token;

    /** @param token bearer token for a stack with authentication on; null or blank sends none */
    Http(URI base, String token) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token;
    }

    TaskResponse create(TaskRequest request) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/v1/tasks")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request))).build();
        return send(r, 201);
    }

    /** Long-polls (at most 60 s a call) until the task is terminal or {@code timeout} has passed. */
    TaskResponse awaitTerminal(UUID task, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            HttpRequest r = HttpRequest.newBuilder(base.resolve("/v1/tasks/" + task + "/wait?timeout="
                    + Math.min(leftMs, 60_000) + "ms")).timeout(Duration.ofSeconds(70)).GET().build();
            TaskResponse t = send(r, 200);
            if (t.isTerminal() || System.nanoTime() >= deadline) {
                return t;
            }
        }
    }

    /** One page (1-100 tasks, newest first) of the tasks carrying {@code tag}, optionally only in {@code status}. */
    TaskListResponse list(String tag, String status, int page, int perPage) throws IOException, InterruptedException {
        String query = "/v1/tasks?tag=" + tag + "&page=" + page + "&per_page=" + perPage
                + (status == null ? "" : "&status=" + status);
        HttpRequest r = HttpRequest.newBuilder(base.resolve(query)).timeout(Duration.ofSeconds(30)).GET().build();
        return send(r, 200, TaskListResponse.class);
    }

    private TaskResponse send(HttpRequest r, int expected) throws IOException, InterruptedException {
        return send(r, expected, TaskResponse.class);
    }

    private <T> T send(HttpRequest r, int expected, Class<T> type) throws IOException, InterruptedException {
        if (token != null) {
            r = HttpRequest.newBuilder(r, (name, value) -> true).header("Authorization", "Bearer " + token).build();
        }
        HttpResponse<byte[]> response = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IOException(r.method() + " " + r.uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return mapper.readValue(response.body(), type);
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
