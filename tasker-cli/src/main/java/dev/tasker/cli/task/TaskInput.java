package dev.tasker.cli.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.JsonObjectArgument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The task's input context: inline JSON or a file (or stdin), checked to be one JSON object before sending. */
public class TaskInput {

    /** The orchestration refuses larger bodies (413); refusing here says so before anything is sent. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final String EXAMPLE = "e.g. --input '{\"even_number\": 6}'";

    @Option(names = "--input", paramLabel = "JSON", description = "The task's context, a JSON object, "
            + "e.g. '{\"even_number\": 6}'. Default {}.")
    String inline;

    @Option(names = "--input-file", paramLabel = "FILE", description = "Read the context from FILE ('-': stdin).")
    Path file;

    /** The context as a JSON object. */
    JsonNode context(ObjectMapper json, InputStream stdin) {
        if (inline != null && file != null) {
            throw new CliException(ExitCodes.USAGE, "give either --input or --input-file, not both");
        }
        if (inline == null && file == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        String where = inline != null ? "--input" : "--input-file " + file;
        String text = inline != null ? inline : read(stdin);
        return JsonObjectArgument.parse(json, where, text, EXAMPLE);
    }

    private String read(InputStream stdin) {
        try {
            byte[] bytes = "-".equals(file.toString()) ? stdin.readNBytes(MAX_BYTES + 1) : readFile();
            if (bytes.length > MAX_BYTES) {
                throw new CliException(ExitCodes.USAGE, "--input-file " + file + " is larger than 1 MiB, the most "
                        + "the orchestration accepts");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, "cannot read --input-file " + file + ": " + e.getMessage());
        }
    }

    private byte[] readFile() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliException(ExitCodes.USAGE, "--input-file " + file + " does not exist or is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_BYTES + 1);
        }
    }
}
