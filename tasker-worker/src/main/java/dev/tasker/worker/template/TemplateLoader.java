package dev.tasker.worker.template;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads task templates: every {@code *.yaml}/{@code *.yml} under {@code tasker/templates/} on the classpath, then
 * those in an optional directory, each read and checked by {@link TemplateYaml} (as {@code tasker-cli template
 * lint} checks them); any problem stops the worker with the file, line and reason.
 */
public final class TemplateLoader {

    public static final String CLASSPATH_DIR = "tasker/templates/";

    private final TemplateYaml yaml = new TemplateYaml();

    /** A template and where it came from. */
    public record Loaded(TaskTemplate template, String source) {
    }

    public List<Loaded> load(ClassLoader classLoader, Optional<Path> directory) {
        Map<String, Loaded> byKey = new LinkedHashMap<>();
        for (String resource : classpathTemplates(classLoader)) {
            try (InputStream in = classLoader.getResourceAsStream(resource)) {
                add(byKey, parse(in, "classpath:" + resource));
            } catch (IOException e) {
                throw new InvalidTemplateFileException("classpath:" + resource, "cannot be read: " + e.getMessage());
            }
        }
        if (directory.isPresent()) {
            Path dir = directory.get();
            if (!Files.isDirectory(dir)) {
                throw new InvalidTemplateFileException(dir.toString(), "TASKER_TEMPLATE_PATH is not a directory");
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(TemplateLoader::isTemplateFile).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        add(byKey, parse(in, file.toString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read templates from " + dir, e);
            }
        }
        return List.copyOf(byKey.values());
    }

    Loaded parse(InputStream in, String source) throws IOException {
        TemplateYaml.Checked checked = yaml.check(source, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (!checked.valid()) {
            throw new InvalidTemplateFileException(source, checked.findings().stream()
                    .map(f -> "line " + f.line() + (f.field().isEmpty() ? "" : " (" + f.field() + ")") + ": "
                            + f.message())
                    .collect(Collectors.joining("; ")));
        }
        return new Loaded(checked.template(), source);
    }

    private static void add(Map<String, Loaded> byKey, Loaded loaded) {
        Loaded previous = byKey.putIfAbsent(loaded.template().key(), loaded);
        if (previous != null) {
            throw new InvalidTemplateFileException(loaded.source(), "defines " + loaded.template().key()
                    + ", which " + previous.source() + " already defines");
        }
    }

    /** Resource names of template files in every classpath root that has the directory, sorted. */
    static List<String> classpathTemplates(ClassLoader classLoader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(CLASSPATH_DIR);
            for (URL root : Collections.list(roots)) {
                switch (root.getProtocol()) {
                    case "file" -> listDirectory(Path.of(root.toURI()), names);
                    case "jar" -> listJar(root, names);
                    default -> throw new IllegalStateException("cannot list templates at " + root);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list " + CLASSPATH_DIR + " on the classpath", e);
        }
        return new ArrayList<>(names);
    }

    private static void listDirectory(Path dir, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(TemplateLoader::isTemplateFile)
                    .forEach(f -> names.add(CLASSPATH_DIR + f.getFileName()));
        }
    }

    private static void listJar(URL root, TreeSet<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(CLASSPATH_DIR) && name.indexOf('/', CLASSPATH_DIR.length()) < 0
                        && isTemplateName(name)) {
                    names.add(name);
                }
            }
        }
    }

    private static boolean isTemplateFile(Path p) {
        return Files.isRegularFile(p) && isTemplateName(p.getFileName().toString());
    }

    private static boolean isTemplateName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
