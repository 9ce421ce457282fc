package dev.tasker.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** Every failure ends as one line on stderr and a documented exit code, never a stack trace or a usage dump. */
@ApplicationScoped
public class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return configure(CommandTree.addAll(factory.create()));
    }

    /** Shared with the packaged CLI's run without Quarkus ({@link DirectRun}); apply after adding the commands. */
    public static CommandLine configure(CommandLine commandLine) {
        return commandLine
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    Failure failure = Failure.of(e);
                    cmd.getErr().println(failure.line());
                    cmd.getErr().flush();
                    return failure.exitCode();
                })
                .setParameterExceptionHandler((e, args) -> {
                    CommandLine cmd = e.getCommandLine();
                    cmd.getErr().println("error: " + e.getMessage() + " (see '"
                            + cmd.getCommandSpec().qualifiedName() + " --help')");
                    cmd.getErr().flush();
                    return ExitCodes.USAGE;
                });
    }
}
