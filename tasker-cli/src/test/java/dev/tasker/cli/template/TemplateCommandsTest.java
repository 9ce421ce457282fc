package dev.tasker.cli.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateListResponse;
import dev.tasker.api.template.TemplateSummary;
import dev.tasker.api.template.TemplateYaml;
import dev.tasker.client.json.JsonMappers;
import dev.tasker.client.scripted.ScriptedServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The template verbs in-process: lint offline, the registry ones against a scripted orchestration. */
@QuarkusMainTest
class TemplateCommandsTest {

    private static final String VALID = """
            namespace: cli_test
            name: two_steps
            version: "1.2.0"
            description: Two steps in a line
            steps:
              - name: first
                handler: test.first
              - name: second
                handler: test.second
                dependencies: [first]
            """;

    private final ObjectMapper json = JsonMappers.json();
    private ScriptedServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--orchestration-url";
        all[args.length + 1] = server.url().toString();
        return launcher.launch(all);
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private TaskTemplate template() {
        return new TemplateYaml().check("t", VALID).template();
    }

    @Test
    void lintSaysEachValidFileIsValidAndExitsZero(QuarkusMainLauncher launcher) throws IOException {
        String file = file("ok.yaml", VALID);

        LaunchResult result = run(launcher, "template", "lint", file);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).isEqualTo(file + ": valid (cli_test/two_steps/1.2.0, 2 steps)");
        assertThat(server.requests()).as("lint is offline").isEmpty();
    }

    @Test
    void lintNamesFileLineAndFieldOfEveryProblemAndExitsTwo(QuarkusMainLauncher launcher) throws IOException {
        String ok = file("ok.yaml", VALID);
        String bad = file("bad.yaml", VALID.replace("[first]", "[first, nowhere]").replace("handler: test.first\n",
                "handler: test.first\n    timeout_seconds: 0\n"));

        LaunchResult result = run(launcher, "template", "lint", ok, bad);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getOutputStream()).containsExactly(
                ok + ": valid (cli_test/two_steps/1.2.0, 2 steps)",
                bad + ":8: steps[0].timeout_seconds: step 'first': timeout_seconds must be 1..86400",
                bad + ":11: steps[1].dependencies[1]: step 'second' depends on unknown step 'nowhere'");
    }

    @Test
    void lintAsJsonReportsEachFileWithItsFindings(QuarkusMainLauncher launcher) throws IOException {
        String typo = file("typo.yaml", VALID.replace("dependencies:", "dependancies:"));

        LaunchResult result = run(launcher, "-o", "json", "template", "lint", typo);

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(result.getOutput()).at("/files/0");
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/findings/0/line").asInt()).isEqualTo(10);
        assertThat(report.at("/findings/0/field").asText()).isEqualTo("steps[1].dependancies");
        assertThat(report.at("/findings/0/message").asText()).startsWith("unknown field 'dependancies'");
    }

    @Test
    void lintOfAMissingFileIsOneLineAndExitTwo(QuarkusMainLauncher launcher) {
        LaunchResult result = run(launcher, "template", "lint", dir.resolve("nowhere.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorStream()).containsExactly("error: no such file: " + dir.resolve("nowhere.yaml"));
    }

    @Test
    void registerSendsTheCheckedTemplateAndSaysWhetherItWasNew(QuarkusMainLauncher launcher) throws IOException {
        String file = file("ok.yaml", VALID);
        server.answer("POST /v1/templates", 201, json.writeValueAsString(template()))
                .answer("POST /v1/templates", 200, json.writeValueAsString(template()));

        LaunchResult result = run(launcher, "template", "register", file);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).isEqualTo("registered cli_test/two_steps/1.2.0 (2 steps)");
        JsonNode sent = json.readTree(server.requests("POST", "/v1/templates").get(0).body());
        assertThat(sent.at("/steps/1/dependencies/0").asText()).isEqualTo("first");
        assertThat(run(launcher, "template", "register", file).getOutput())
                .isEqualTo("already registered, unchanged: cli_test/two_steps/1.2.0 (2 steps)");
    }

    @Test
    void registerOfAnInvalidFileSendsNothing(QuarkusMainLauncher launcher) throws IOException {
        String file = file("bad.yaml", VALID.replace("[first]", "[second]"));

        LaunchResult result = run(launcher, "template", "register", file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains(file + ":10: steps[1].dependencies[0]: step 'second' depends on itself")
                .contains("nothing was registered");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void registerOfADifferentDefinitionUnderAnExistingVersionIsAConflict(QuarkusMainLauncher launcher)
            throws IOException {
        String file = file("ok.yaml", VALID);
        server.answer("POST /v1/templates", 409, """
                {"error": {"code": "conflict", "message": "template cli_test/two_steps/1.2.0 is already registered \
                with a different definition"}}""");

        LaunchResult result = run(launcher, "template", "register", file);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("error: template cli_test/two_steps/1.2.0 is already registered "
                + "with a different definition [conflict, HTTP 409 from orchestration] (compare with 'tasker-cli "
                + "template get cli_test two_steps --version 1.2.0 -o yaml', and give the changed file a new version)");
    }

    @Test
    void getWithoutVersionReadsTheNewestVersion(QuarkusMainLauncher launcher) throws IOException {
        Instant at = Instant.parse("2026-01-31T12:00:00Z");
        server.answer("GET /v1/templates", 200, json.writeValueAsString(new TemplateListResponse(List.of(
                new TemplateSummary("cli_test", "two_steps", "1.9.0", null, List.of("first", "second"), at),
                new TemplateSummary("cli_test", "two_steps", "1.10.0", null, List.of("first", "second"), at),
                new TemplateSummary("cli_test", "other", "2.0.0", null, List.of("x"), at)))));
        server.answer("GET /v1/templates/cli_test/two_steps/1.10.0", 200, json.writeValueAsString(template()));

        LaunchResult result = run(launcher, "template", "get", "cli_test", "two_steps");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(server.requests("GET", "/v1/templates").get(0).query()).isEqualTo("namespace=cli_test");
        assertThat(result.getOutput()).contains("cli_test/two_steps/1.2.0").contains("test.second")
                .containsPattern("second +test.second +first +3 attempts");
    }

    @Test
    void getOfAnUnknownNameListsTheNamespacesTemplates(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET /v1/templates", 200, json.writeValueAsString(new TemplateListResponse(List.of(
                new TemplateSummary("cli_test", "other", "2.0.0", null, List.of("x"), Instant.EPOCH)))));

        LaunchResult result = run(launcher, "template", "get", "cli_test", "missing");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.getErrorOutput()).contains("no template cli_test/missing is registered (namespace "
                + "cli_test has: other)");
    }

    @Test
    void getAsYamlPrintsAFileThatLintAccepts(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET /v1/templates/cli_test/two_steps/1.2.0", 200, json.writeValueAsString(template()));

        LaunchResult got = run(launcher, "-o", "yaml", "template", "get", "cli_test", "two_steps", "--version", "1.2.0");

        assertThat(got.exitCode()).as(got.getErrorOutput()).isZero();
        TemplateYaml.Checked again = new TemplateYaml().check("printed", got.getOutput());
        assertThat(again.findings()).isEmpty();
        assertThat(again.template()).isEqualTo(template());
    }

    @Test
    void listPrintsEveryVersionAndRejectsABadNamespace(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET /v1/templates", 200, json.writeValueAsString(new TemplateListResponse(List.of(
                new TemplateSummary("cli_test", "two_steps", "1.2.0", "Two steps", List.of("first", "second"),
                        Instant.EPOCH)))));

        LaunchResult list = run(launcher, "template", "list");
        LaunchResult bad = run(launcher, "template", "list", "--namespace", "Bad-NS");

        assertThat(list.exitCode()).isZero();
        assertThat(list.getOutput()).containsPattern("cli_test +two_steps +1.2.0 +2 ");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.getErrorOutput()).contains("Invalid value for option '--namespace': 'Bad-NS' must be 1-64 "
                + "characters of a-z, 0-9 and _");
    }
}
