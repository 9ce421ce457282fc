package dev.tasker.cli.template;

import dev.tasker.api.template.TemplateYaml;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Host;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Template files named on the command line, read relative to the working directory and checked as the services do. */
final class TemplateFiles {

    private final Host host;
    private final TemplateYaml yaml = new TemplateYaml();

    TemplateFiles(Host host) {
        this.host = host;
    }

    /** The file read and checked; a file that cannot be read is a usage error naming it. */
    TemplateYaml.Checked check(String file) {
        Path path = host.workingDir().resolve(file);
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new CliException(ExitCodes.USAGE, file + " is a directory, not a template file");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.USAGE, "no such file: " + file);
        } catch (MalformedInputException e) {
            throw new CliException(ExitCodes.USAGE, file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        }
        return yaml.check(file, text);
    }
}
