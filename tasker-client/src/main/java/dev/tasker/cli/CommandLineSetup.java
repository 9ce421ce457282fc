package dev.tasker.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Every failure ends as one line on stderr and a documented exit code, never a stack trace. */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create()
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    if (e instanceof CliException cli) {
                        cmd.getErr().println("error: " + cli.getMessage());
                        return cli.exitCode();
                    }
                    if (e instanceof IllegalArgumentException) {
                        cmd.getErr().println("error: " + e.getMessage());
                        return ExitCodes.USAGE;
                    }
                    cmd.getErr().println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return ExitCodes.FAILED;
                });
    }
}
