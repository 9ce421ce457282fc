import com.sun.net.httpserver.HttpServer;
import java.io.File;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The launch classpath and class-data archive of tasker-cli (tasker-cli/pom.xml runs this at package time with
 * {@code java src/build/CdsTraining.java}).
 * <p>The launcher (scripts/tasker-cli) runs the CLI's main class on the JVM's own class path, listed in
 * {@code tasker-cli.classpath} (entries relative to the fast-jar directory), not through quarkus-run.jar: classes
 * of the application class loader come from the archive without reading their jar, those of Quarkus' runner
 * class loader do not, and that took a fifth of a command's start-up. The list is the application jar, then
 * lib/main and lib/boot as the runner would load them, without jboss-logmanager: outside Quarkus nothing sets it
 * up, and on the class path it would take over the JDK's logging only to complain about that.
 * <p>The training run: the CLI reads a task from a local HTTP server that answers with a recorded one, so the
 * archive holds what a command that calls the orchestration loads: configuration, picocli, the HTTP client,
 * Jackson's reading of the answer and the table output.
 * Arguments: the java executable, the fast-jar directory, the archive to write, the recorded task's JSON file.
 */
public final class CdsTraining {

    private static final String TASK = "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b";

    static final String CLASSPATH_FILE = "tasker-cli.classpath";
    static final String MAIN_CLASS = "dev.tasker.cli.TaskerCliMain";

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[1]).toAbsolutePath();
        List<String> entries = classpath(app);
        Files.write(app.resolve(CLASSPATH_FILE), entries);
        String classpath = entries.stream().map(entry -> app.resolve(entry).toString())
                .collect(Collectors.joining(File.pathSeparator));
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
                    "-cp", classpath, MAIN_CLASS, "task", "get", TASK, "--steps", "--orchestration-url",
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

    private static List<String> classpath(Path app) throws IOException {
        List<String> entries = new ArrayList<>(jars(app, "app"));
        entries.addAll(jars(app, "lib/main"));
        jars(app, "lib/boot").stream().filter(jar -> !jar.startsWith("lib/boot/org.jboss.logmanager."))
                .forEach(entries::add);
        return entries;
    }

    private static List<String> jars(Path app, String dir) throws IOException {
        try (Stream<Path> files = Files.list(app.resolve(dir))) {
            return files.map(file -> dir + "/" + file.getFileName()).filter(name -> name.endsWith(".jar")).sorted()
                    .toList();
        }
    }

    private CdsTraining() {
    }
}
