package dev.tasker.cli.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionFactory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented config file with every setting and its default (all commented out).",
        footer = {"", "Example: tasker-cli config init --path ./tasker-client.toml",
            "", "Exit codes: 0 written; 2 the file exists (use --force) or cannot be written."})
public class ConfigInitCommand implements Callable<Integer> {

    @Option(names = "--path", paramLabel = "FILE", description = "Where to write it (default ~/.tasker/config.toml).")
    Path path;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    @Spec
    CommandSpec spec;

    private final SessionFactory sessions;

    /** The result, for -o json/yaml. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    public record Written(String path) {
    }

    public ConfigInitCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        Path target = (path != null ? path : sessions.host().defaultConfigFile()).toAbsolutePath();
        if (Files.exists(target) && !force) {
            throw new CliException(ExitCodes.USAGE, target + " already exists; pass --force to overwrite it, or "
                    + "--path to write elsewhere");
        }
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, ConfigTemplate.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot write " + target + ": " + e);
        }
        try (Session session = sessions.open(spec)) {
            session.output().print(new Written(target.toString()), w -> "wrote " + w.path() + "\n");
        }
        return ExitCodes.OK;
    }
}
