package dev.tasker.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.cli.task.TaskViews;
import dev.tasker.client.scripted.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OutputTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Output output(OutputFormat format) {
        return new Output(format, Style.plain(), new PrintWriter(out), new PrintWriter(err));
    }

    private static void print(Output output, TaskResponse task) {
        output.note("a note for people");
        output.print(task, t -> TaskViews.summary(t, output.style()) + "\n" + TaskViews.steps(t.steps(), output.style()));
    }

    @Test
    void jsonIsOneSnakeCaseDocumentAndTheOnlyThingOnStdout() throws Exception {
        print(output(OutputFormat.JSON), Fixtures.completedDiamond());

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("task_uuid").asText()).isEqualTo(Fixtures.TASK.toString());
        assertThat(json.get("status").asText()).isEqualTo("complete");
        assertThat(json.get("execution_status").asText()).isEqualTo("all_complete");
        assertThat(json.get("created_at").asText()).isEqualTo("2026-01-31T12:00:00Z");
        assertThat(json.at("/steps/3/results/result").asLong()).isEqualTo(2821109907456L);
        assertThat(json.has("taskUuid")).isFalse();
        // exactly one document: reading it consumed everything but the final newline
        assertThat(new ObjectMapper().readerFor(JsonNode.class).readValues(out.toString()).readAll()).hasSize(1);
        assertThat(err.toString()).isEqualTo("a note for people" + System.lineSeparator());
    }

    @Test
    void yamlCarriesTheSameFields() throws Exception {
        print(output(OutputFormat.YAML), Fixtures.completedDiamond());

        JsonNode yaml = new YAMLMapper().readTree(out.toString());
        assertThat(yaml.get("task_uuid").asText()).isEqualTo(Fixtures.TASK.toString());
        assertThat(yaml.at("/steps/3/name").asText()).isEqualTo("diamond_end");
        assertThat(yaml.at("/steps/3/results/result").asLong()).isEqualTo(2821109907456L);
        assertThat(out.toString()).doesNotContain("---").doesNotContain("a note");
    }

    @Test
    void tableShowsSummaryStepsAndTheResult() {
        print(output(OutputFormat.TABLE), Fixtures.completedDiamond());

        String table = out.toString();
        assertThat(table.lines().findFirst()).hasValue("task         " + Fixtures.TASK);
        assertThat(table).contains("template     diamond_workflow/diamond_pattern 1.0.0")
                .contains("status       complete")
                .contains("steps        4/4 steps complete (100%)")
                .contains("result       diamond_end = {\"result\":2821109907456}");
        assertThat(table).containsPattern("STEP +STATE +ATTEMPTS +DEPENDS ON +RESULT / ERROR")
                .containsPattern("diamond_end +complete +1/3 +diamond_branch_b, diamond_branch_c +\\{\"result\":2821109907456}");
        assertThat(table).doesNotContain("\u001B[");
    }

    @Test
    void colouredTablesKeepTheirColumnsAligned() {
        String plain = TaskViews.steps(Fixtures.completedDiamond().steps(), Style.plain());
        String coloured = TaskViews.steps(Fixtures.completedDiamond().steps(), new Style(true));

        assertThat(coloured).contains("\u001B[32mcomplete");
        assertThat(coloured.replaceAll("\u001B\\[\\d+m", "")).isEqualTo(plain);
    }
}
