package dev.tasker.worker.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot-time template checks: every refusal names the file and what is wrong with it, because the person
 * reading it is looking at a worker that will not start.
 */
class TemplateLoaderTest {

    /** A class loader that sees no templates at all, so only the files a test writes are loaded. */
    private static final ClassLoader NO_CLASSPATH_TEMPLATES = new URLClassLoader(new URL[0], null);

    @TempDir
    Path dir;

    private static String template(String name, String steps) {
        return """
                namespace: loader_test
                name: %s
                version: "1.0.0"
                description: written by TemplateLoaderTest
                steps:
                %s""".formatted(name, steps.indent(2));
    }

    private static String step(String name, String dependencies) {
        return """
                - name: %s
                  handler: test.handler
                  dependencies: %s
                  timeout_seconds: 5
                """.formatted(name, dependencies);
    }

    private static Path write(Path directory, String fileName, String content) {
        try {
            Path file = directory.resolve(fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<TemplateLoader.Loaded> loadDirectory() {
        return new TemplateLoader().load(NO_CLASSPATH_TEMPLATES, Optional.of(dir));
    }

    /** Loading {@link #dir} fails; the message must start with the file it blames. */
    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(this::loadDirectory)
                .isInstanceOf(InvalidTemplateFileException.class)
                .hasMessageStartingWith("template " + file + ": ");
    }

    @Test
    void loadsValidTemplatesFromTheDirectoryInFileNameOrder() {
        Path b = write(dir, "b.yml", template("second", step("only", "[]")));
        Path a = write(dir, "a.yaml", template("first", step("one", "[]") + step("two", "[one]")));
        write(dir, "notes.txt", "not a template: ignored");

        List<TemplateLoader.Loaded> loaded = loadDirectory();

        assertThat(loaded).extracting(l -> l.template().key())
                .containsExactly("loader_test/first/1.0.0", "loader_test/second/1.0.0");
        assertThat(loaded).extracting(TemplateLoader.Loaded::source).containsExactly(a.toString(), b.toString());
        assertThat(loaded.get(0).template().steps().get(1).dependencies()).containsExactly("one");
    }

    @Test
    void refusesADependencyCycle() {
        Path file = write(dir, "cycle.yaml", template("cyclic",
                step("start", "[]") + step("a", "[start, b]") + step("b", "[a]")));

        assertRefused(file).hasMessageContaining("dependency cycle").hasMessageContaining("a -> b -> a");
    }

    @Test
    void refusesAnUnknownDependency() {
        Path file = write(dir, "unknown_dependency.yaml", template("dangling",
                step("a", "[]") + step("b", "[a, missing_step]")));

        assertRefused(file).hasMessageContaining("step 'b' depends on unknown step 'missing_step'");
    }

    @Test
    void refusesADuplicateStepName() {
        Path file = write(dir, "duplicate_step.yaml", template("twice",
                step("a", "[]") + step("a", "[]")));

        assertRefused(file).hasMessageContaining("step name 'a' is used more than once");
    }

    @Test
    void refusesAnUnknownFieldSoATypoCannotSilentlyDropADependency() {
        // "dependancies" would otherwise be ignored and the step would run with no dependencies at all.
        Path file = write(dir, "typo.yaml", template("typo", step("a", "[]") + """
                - name: b
                  handler: test.handler
                  dependancies: [a]
                """));

        assertRefused(file).hasMessageContaining("(steps[1].dependancies): unknown field 'dependancies'");
    }

    @Test
    void reportsEveryProblemOfAFileNotJustTheFirst() {
        Path file = write(dir, "many.yaml", template("many",
                step("a", "[]") + step("a", "[]") + step("b", "[nowhere]")));

        assertRefused(file).hasMessageContaining("step name 'a' is used more than once")
                .hasMessageContaining("step 'b' depends on unknown step 'nowhere'");
    }

    @Test
    void refusesTwoFilesDefiningTheSameTemplate() {
        Path first = write(dir, "a_first.yaml", template("same", step("a", "[]")));
        Path second = write(dir, "b_second.yaml", template("same", step("x", "[]")));

        assertRefused(second).hasMessageContaining("defines loader_test/same/1.0.0, which " + first
                + " already defines");
    }

    @Test
    void refusesADirectoryTemplateThatRedefinesAClasspathOne() throws MalformedURLException {
        Path classpathRoot = dir.resolve("classes");
        write(classpathRoot, TemplateLoader.CLASSPATH_DIR + "shipped.yaml", template("shipped", step("a", "[]")));
        Path extra = dir.resolve("extra");
        Path override = write(extra, "override.yaml", template("shipped", step("a", "[]")));

        try (URLClassLoader classpath = new URLClassLoader(new URL[] {classpathRoot.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> new TemplateLoader().load(classpath, Optional.of(extra)))
                    .isInstanceOf(InvalidTemplateFileException.class)
                    .hasMessage("template " + override + ": defines loader_test/shipped/1.0.0, which classpath:"
                            + TemplateLoader.CLASSPATH_DIR + "shipped.yaml already defines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesAFileWithNoTemplateInIt() {
        Path file = write(dir, "empty.yaml", "# only a comment\n");

        assertRefused(file).hasMessageContaining("the file is empty");
    }

    @Test
    void refusesATemplatePathThatIsNotADirectory() {
        Path file = write(dir, "single.yaml", template("single", step("a", "[]")));

        assertThatThrownBy(() -> new TemplateLoader().load(NO_CLASSPATH_TEMPLATES, Optional.of(file)))
                .isInstanceOf(InvalidTemplateFileException.class)
                .hasMessage("template " + file + ": TASKER_TEMPLATE_PATH is not a directory");
    }

    /** A packaged worker reads its templates from a jar: only files directly in tasker/templates/ count. */
    @Test
    void readsTemplatesFromAJarOnTheClasspath() throws IOException {
        Path jar = dir.resolve("worker.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            putEntry(out, TemplateLoader.CLASSPATH_DIR, null);
            putEntry(out, TemplateLoader.CLASSPATH_DIR + "in_jar.yaml", template("in_jar", step("a", "[]")));
            putEntry(out, TemplateLoader.CLASSPATH_DIR + "nested/ignored.yaml", "not: [read");
            putEntry(out, TemplateLoader.CLASSPATH_DIR + "readme.md", "not a template");
        }

        try (URLClassLoader classpath = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<TemplateLoader.Loaded> loaded = new TemplateLoader().load(classpath, Optional.empty());

            assertThat(loaded).singleElement().satisfies(l -> {
                assertThat(l.template().key()).isEqualTo("loader_test/in_jar/1.0.0");
                assertThat(l.source()).isEqualTo("classpath:" + TemplateLoader.CLASSPATH_DIR + "in_jar.yaml");
            });
        }
    }

    private static void putEntry(JarOutputStream jar, String name, String content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        if (content != null) {
            jar.write(content.getBytes(StandardCharsets.UTF_8));
        }
        jar.closeEntry();
    }
}
