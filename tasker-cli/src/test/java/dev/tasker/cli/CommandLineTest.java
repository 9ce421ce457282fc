package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.cli.output.OutputFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line itself: option positions, parse errors, exit codes and help, run in-process. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private CliHarness cli() {
        return new CliHarness(dir, dir, env);
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheSubcommand() throws Exception {
        for (String[] args : new String[][] {
            {"-o", "json", "task", "get", "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b"},
            {"task", "get", "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b", "-o", "json"},
            {"task", "-o", "json", "get", "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b"}}) {
            CommandLine commandLine = cli().commandLine(args);
            commandLine.parseArgs(args);
            assertThat(((TaskerCli) commandLine.getCommand()).options().output).as(String.join(" ", args))
                    .isEqualTo(OutputFormat.JSON);
        }

        CliHarness.Result before = cli().run("-o", "json", "--worker-url", "http://w:1", "config", "show");
        CliHarness.Result after = cli().run("config", "show", "--worker-url", "http://w:1", "-o", "json");
        assertThat(before.exitCode()).isZero();
        assertThat(after.out()).isEqualTo(before.out());
        JsonNode json = new ObjectMapper().readTree(after.out());
        assertThat(json.get("settings")).anySatisfy(s -> {
            assertThat(s.get("setting").asText()).isEqualTo("worker.base_url");
            assertThat(s.get("value").asText()).isEqualTo("http://w:1");
            assertThat(s.get("source").asText()).isEqualTo("flag --worker-url");
        });
    }

    @Test
    void invalidInputJsonIsAUsageErrorBeforeAnythingIsSent() {
        CliHarness.Result result = cli().run("task", "create", "--namespace", "linear_workflow", "--name",
                "mathematical_sequence", "--input", "{\"even_number\": 6", "--orchestration-url", "http://127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("error: --input is not valid JSON: line 1, column 18: the JSON ends before an object is "
                        + "closed: expected '}' (opened at line 1, column 1) (e.g. --input '{\"even_number\": 6}')");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void inputMustBeAnObjectAndOptionsAreChecked() {
        assertThat(cli().run("task", "create", "--namespace", "ns", "--name", "n", "--input", "[1]").err())
                .contains("--input must be a JSON object, got array");
        assertThat(cli().run("task", "create", "--namespace", "Bad-NS", "--name", "n").err())
                .contains("--namespace 'Bad-NS' must be 1-64 characters of a-z, 0-9 and _");
        assertThat(cli().run("task", "create", "--namespace", "ns", "--name", "n", "--input-file",
                dir.resolve("nope.json").toString()).err()).contains("does not exist");
        CliHarness.Result both = cli().run("task", "create", "--namespace", "ns", "--name", "n", "--input", "{}",
                "--input-file", "x.json");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("either --input or --input-file");
    }

    @Test
    void parseErrorsAreOneLineWithAHint() {
        CliHarness.Result badId = cli().run("task", "get", "not-a-uuid");
        assertThat(badId.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badId.err().lines()).singleElement().asString()
                .contains("'not-a-uuid' is not a task id")
                .endsWith("(see 'tasker-cli task get --help')");

        CliHarness.Result badFormat = cli().run("-o", "xml", "config", "show");
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err().lines()).hasSize(1);

        assertThat(cli().run("task", "list", "--limit", "500").err())
                .contains("--limit must be 1..100, got 500");
        assertThat(cli().run("task", "list", "--status", "finished").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("task", "wait", "3f2b6a4e-0c1d-4e5f-9a8b-7c6d5e4f3a2b", "--timeout", "soon").err())
                .contains("'soon' is not a duration");
    }

    @Test
    void aBadEnvironmentValueIsOneLineNamingTheVariable() {
        env.put("TASKER_CLI_FORMAT", "xml");

        CliHarness.Result result = cli().run("config", "show");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("error: cli.default_format 'xml' (from env TASKER_CLI_FORMAT) must be one of table, json, "
                        + "yaml, jsonl (run 'tasker-cli config show' to see every value and its source)");
    }

    @Test
    void aProfileNoConfigFileHoldsIsOneLineNamingItBeforeAnyValue() throws Exception {
        env.put("TASKER_PROFILE", "staging");

        CliHarness.Result missingFile = cli().run("config", "show");

        assertThat(missingFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingFile.out()).isEmpty();
        assertThat(missingFile.err().lines()).singleElement().asString()
                .startsWith("error: profile 'staging' is selected (env TASKER_PROFILE) but there is no config file "
                        + "to hold it (looked for " + dir.resolve("tasker-client.toml"))
                .endsWith("name one with --config or create one with 'tasker-cli config init'");

        Files.writeString(dir.resolve("tasker-client.toml"), "[profiles.ci.worker]\nbase_url = \"http://ci:8081\"\n");
        CliHarness.Result notInFile = cli().run("config", "show");

        assertThat(notInFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notInFile.out()).isEmpty();
        assertThat(notInFile.err().lines()).singleElement().asString()
                .isEqualTo("error: profile 'staging' is not defined in " + dir.resolve("tasker-client.toml")
                        + " (defined: ci); add a [profiles.staging.orchestration] table or choose another --profile");
    }

    @Test
    void configShowNamesEverySourceAndMasksTokens() throws Exception {
        Files.writeString(dir.resolve("tasker-client.toml"), """
                [orchestration]
                timeout_ms = 2500
                auth_token = "secret-token-from-the-file"
                [profiles.ci.worker]
                base_url = "http://ci-worker:8081"
                """);
        env.put("TASKER_ORCHESTRATION_URL", "http://env-orchestration:8080");
        env.put("TASKER_PROFILE", "ci");

        CliHarness.Result result = cli().run("config", "show", "--timeout", "3s");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("config file: " + dir.resolve("tasker-client.toml"))
                .containsPattern("orchestration.base_url +http://env-orchestration:8080 +env TASKER_ORCHESTRATION_URL")
                .containsPattern("orchestration.timeout_ms +3000 +flag --timeout")
                .containsPattern("orchestration.auth_token +secr\\*\\*\\*\\* +file " + dir.resolve("tasker-client.toml"))
                .containsPattern("worker.base_url +http://ci-worker:8081 +file .*\\[profiles.ci]")
                .containsPattern("worker.max_retries +3 +default")
                .containsPattern("profile +ci +env TASKER_PROFILE")
                .doesNotContain("secret-token-from-the-file");
    }

    @Test
    void configShowFailsAfterPrintingWhenAValueIsUnusable() {
        env.put("TASKER_WORKER_URL", "worker:8081");

        CliHarness.Result result = cli().run("config", "show");

        assertThat(result.out()).containsPattern("worker.base_url +worker:8081 +env TASKER_WORKER_URL");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("worker.base_url 'worker:8081' (from env TASKER_WORKER_URL)");
    }

    @Test
    void configInitWritesATemplateThatParsesAndRefusesToOverwrite() throws Exception {
        Path target = dir.resolve("nested/config.toml");

        CliHarness.Result first = cli().run("config", "init", "--path", target.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("wrote " + target + "\n");
        assertThat(Files.readString(target)).contains("[orchestration]", "# base_url = \"http://localhost:8080\"",
                "[cli]", "# default_format", "[profiles.staging.orchestration]");
        assertThat(cli().run("--config", target.toString(), "config", "show").exitCode()).isZero();

        CliHarness.Result again = cli().run("config", "init", "--path", target.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already exists; pass --force");
        assertThat(cli().run("config", "init", "--path", target.toString(), "--force").exitCode()).isZero();

        CliHarness.Result home = cli().run("config", "init");
        assertThat(home.out()).isEqualTo("wrote " + dir.resolve(".tasker/config.toml") + "\n");
    }

    @Test
    void completionScriptsForBashAndZsh() {
        CliHarness.Result bash = cli().run("completion", "bash");
        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out()).contains("complete -F _complete_tasker-cli", "task", "worker");
        CliHarness.Result zsh = cli().run("completion", "zsh");
        assertThat(zsh.out()).startsWith("autoload -U +X compinit && compinit").contains("bashcompinit");
        assertThat(cli().run("completion", "fish").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliHarness.Result help = cli().run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("Exit codes: 0 success", "3 not found",
                "4 service unreachable", "5 authentication", "TASKER_ORCHESTRATION_URL");
        assertThat(cli().run("task", "create", "--help").out()).contains("--version", "--input-file", "--wait");
    }
}
