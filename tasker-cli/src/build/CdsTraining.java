import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The training run of tasker-cli's class-data archive (tasker-cli/pom.xml runs it at package time with
 * {@code java src/build/CdsTraining.java}): the packaged CLI reads a task from a local HTTP server that answers
 * with a recorded one, so the archive holds what a command that calls the orchestration loads: configuration,
 * picocli, the HTTP client, Jackson's reading of the answer and the table output.
 * Arguments: the java executable, the fast-jar, the archive to write, the recorded task's JSON file.
 */
public final class CdsTraining {

    private static final String TASK = "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b";

    public static void main(String[] args) throws Exception {
        byte[] task = Files.readAllBytes(Path.of(args[3]));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            boolean found = exchange.getRequestURI().getPath().equals("/v1/tasks/" + TASK);
            byte[] body = found ? task : "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no such route\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            List<String> command = new ArrayList<>(List.of(args[0], "-XX:ArchiveClassesAtExit=" + args[2],
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", args[1], "task", "get", TASK, "--steps", "--orchestration-url",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--timeout", "10s"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            // No config file or profile of the person building may change what the run does.
            builder.environment().put("HOME", Path.of(args[2]).toAbsolutePath().getParent().toString());
            builder.environment().remove("TASKER_PROFILE");
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the training run did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the training run exited with " + process.exitValue() + ": " + command);
            }
        } finally {
            server.stop(0);
        }
    }

    private CdsTraining() {
    }
}
