package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Which commands a run builds: those its arguments name, and the whole tree wherever a listing needs it. */
class CommandTreeTest {

    private static final String ID = "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b";

    @TempDir
    Path dir;

    private CliHarness cli() {
        return new CliHarness(dir, dir, Map.of());
    }

    private static TreeSet<String> commands(CommandLine commandLine) {
        TreeSet<String> names = new TreeSet<>();
        commandLine.getSubcommands().forEach((name, sub) -> {
            names.add(name);
            commands(sub).forEach(child -> names.add(name + " " + child));
        });
        return names;
    }

    private static Stream<String> everyCommand(CommandTree node, String prefix) {
        return node.children().stream().flatMap(child -> Stream.concat(Stream.of(prefix + child.name()),
                everyCommand(child, prefix + child.name() + " ")));
    }

    @Test
    void aCommandRunBuildsOnlyItsOwnPath() {
        assertThat(commands(cli().commandLine("task", "get", ID, "-o", "json"))).containsExactly("task", "task get");
        assertThat(commands(cli().commandLine("-o", "json", "worker", "health", "--all")))
                .containsExactly("worker", "worker health");
    }

    @Test
    void aGroupWithoutANamedCommandGetsAllOfItsCommands() {
        assertThat(commands(cli().commandLine("template", "--help"))).containsExactly("template", "template get",
                "template lint", "template list", "template register");
        assertThat(commands(cli().commandLine("task", "gte", ID))).contains("task get", "task list", "task retry")
                .hasSize(11);
    }

    @Test
    void helpWithoutACommandAndCompletionGetTheWholeTree() {
        TreeSet<String> all = new TreeSet<>(everyCommand(CommandTree.ROOT, "").toList());
        assertThat(all).hasSize(29).contains("task watch", "step resolve", "config init", "completion");
        assertThat(commands(cli().commandLine("--help"))).isEqualTo(all);
        assertThat(commands(cli().commandLine("completion", "bash"))).isEqualTo(all);

        CliHarness.Result script = cli().run("completion", "bash");
        assertThat(script.exitCode()).isZero();
        assertThat(script.out()).contains("template lint", "worker status", "task retry");
    }

    @Test
    void anOptionValueThatIsACommandNameOnlyAddsThatCommand() {
        assertThat(commands(cli().commandLine("task", "list", "--namespace", "get")))
                .containsExactly("task", "task get", "task list");
        assertThat(cli().run("task", "list", "--namespace", "get", "--orchestration-url", "http://127.0.0.1:1")
                .err()).doesNotContain("Unmatched argument");
    }
}
