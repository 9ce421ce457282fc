package dev.tasker.cli;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs tasker-cli in-process without Quarkus: the same command classes and setup, with a machine described by the
 * test (home and working directory, environment): the command line the packaged CLI runs ({@link DirectRun}).
 */
public final class CliHarness {

    public record Result(int exitCode, String out, String err) {
    }

    private final Host host;

    public CliHarness(Path home, Path workingDir, Map<String, String> env) {
        this.host = new Host(home, workingDir, "tester", false, env, List.of(new EnvConfigSource(env, 300),
                new PropertiesConfigSource(Map.of("tasker.orchestration.url", "http://localhost:8080"),
                        "application.properties", 250)));
    }

    /** The command line the packaged CLI builds for {@code args}: only the commands they name. */
    public CommandLine commandLine(String... args) {
        return DirectRun.commandLine(host, "test", args);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
