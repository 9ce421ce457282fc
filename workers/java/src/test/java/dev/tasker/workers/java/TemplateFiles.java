package dev.tasker.workers.java;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tasker.api.template.TaskTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The template files this worker ships, read strictly: a misspelt field fails instead of being dropped. */
public final class TemplateFiles {

    public static final String DIRECTORY = "tasker/templates";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private TemplateFiles() {
    }

    public static ObjectMapper yamlMapper() {
        return YAML.copy();
    }

    public static TaskTemplate load(String fileName) {
        try (InputStream in = TemplateFiles.class.getClassLoader().getResourceAsStream(DIRECTORY + "/" + fileName)) {
            if (in == null) {
                throw new AssertionError("no template file " + DIRECTORY + "/" + fileName + " on the classpath");
            }
            return YAML.readValue(in, TaskTemplate.class);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName, e);
        }
    }

    /** Every *.yaml/*.yml file of the directory (tests run against target/classes, a plain directory). */
    public static List<String> fileNames() {
        URL url = TemplateFiles.class.getClassLoader().getResource(DIRECTORY);
        if (url == null) {
            throw new AssertionError("no " + DIRECTORY + " directory on the classpath");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
