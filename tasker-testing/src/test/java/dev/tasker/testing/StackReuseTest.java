package dev.tasker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackReuseTest {

    @TempDir
    Path dir;

    @Test
    void theDigestOfTheInputsChangesWithAnyOfThemAndOnlyThen() throws Exception {
        Path compose = Files.writeString(dir.resolve("compose.yml"), "services: {}\n");
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("A.java"), "class A {}\n");
        List<Path> inputs = List.of(compose, sources);

        String first = StackReuse.digest(inputs);
        String again = StackReuse.digest(inputs);
        Files.writeString(sources.resolve("A.java"), "class A { int x; }\n");
        String edited = StackReuse.digest(inputs);
        Files.writeString(sources.resolve("B.java"), "class B {}\n");
        String added = StackReuse.digest(inputs);

        assertThat(first).hasSize(12).isEqualTo(again);
        assertThat(edited).isNotEqualTo(first);
        assertThat(added).isNotIn(first, edited);
    }

    @Test
    void aMissingInputIsNamed() {
        assertThatThrownBy(() -> StackReuse.digest(List.of(dir.resolve("nowhere"))))
                .hasMessageContaining(dir.resolve("nowhere") + ", which does not exist");
    }
}
