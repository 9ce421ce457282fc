package dev.tasker.client.scripted;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free loopback port that answers each "METHOD /path" with the answers scripted for it, in
 * order (the last one repeats), and records every request. Unscripted requests get a 500 naming them.
 */
public final class ScriptedServer implements AutoCloseable {

    public record Answer(int status, String body, Duration delay) {
    }

    /** {@code query} is decoded; {@code rawQuery} is the query string as it was sent, for comparing bytes. */
    public record Request(String method, String path, String query, String rawQuery, String authorization,
            String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public ScriptedServer answer(String methodAndPath, int status, String body) {
        return answer(methodAndPath, status, body, Duration.ZERO);
    }

    public ScriptedServer answer(String methodAndPath, int status, String body, Duration delay) {
        script.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, body, delay));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        requests.add(new Request(method, path, uri.getQuery(), uri.getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer answer = next(method + " " + path);
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                path.equals("/metrics") ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Answer next(String key) {
        Deque<Answer> answers = script.get(key);
        if (answers == null || answers.isEmpty()) {
            return new Answer(500, "{\"error\":{\"code\":\"INTERNAL_ERROR\",\"message\":\"unscripted " + key + "\"}}",
                    Duration.ZERO);
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
