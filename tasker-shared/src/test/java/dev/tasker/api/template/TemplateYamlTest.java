package dev.tasker.api.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateYamlTest {

    private final TemplateYaml yaml = new TemplateYaml();

    private static final String VALID = """
            namespace: lint_test
            name: two_steps
            version: "1.0.0"
            steps:
              - name: first
                handler: test.first
              - name: second
                handler: test.second
                dependencies: [first]
                retry: {retryable: true, limit: 3, backoff_base_ms: 100, max_backoff_ms: 2000}
            """;

    @Test
    void readsAValidTemplateWithNoFindings() {
        TemplateYaml.Checked checked = yaml.check("two.yaml", VALID);

        assertThat(checked.valid()).isTrue();
        assertThat(checked.template().key()).isEqualTo("lint_test/two_steps/1.0.0");
        assertThat(checked.template().steps().get(1).dependencies()).containsExactly("first");
    }

    @Test
    void namesTheLineAndFieldOfEveryValidationProblem() {
        String text = VALID.replace("limit: 3", "limit: 0").replace("[first]", "[first, nowhere]");

        TemplateYaml.Checked checked = yaml.check("bad.yaml", text);

        assertThat(checked.findings()).extracting(TemplateFinding::describe).containsExactly(
                "bad.yaml:10: steps[1].retry.limit: step 'second': retry.limit must be 1..100",
                "bad.yaml:9: steps[1].dependencies[1]: step 'second' depends on unknown step 'nowhere'");
    }

    @Test
    void aMissingFieldIsReportedAtItsStep() {
        String text = VALID.replace("    handler: test.second\n", "");

        assertThat(yaml.check("t.yaml", text).findings()).extracting(TemplateFinding::describe)
                .containsExactly("t.yaml:7: steps[1].handler: step 'second' names no handler");
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheKnownOnes() {
        String text = VALID.replace("dependencies: [first]", "dependancies: [first]");

        TemplateFinding finding = yaml.check("typo.yaml", text).findings().get(0);

        assertThat(finding.line()).isEqualTo(9);
        assertThat(finding.field()).isEqualTo("steps[1].dependancies");
        assertThat(finding.message()).startsWith("unknown field 'dependancies' (known: ")
                .contains("dependencies", "handler", "timeout_seconds");
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatWasExpected() {
        String text = VALID.replace("limit: 3", "limit: three");

        TemplateFinding finding = yaml.check("type.yaml", text).findings().get(0);

        assertThat(finding.describe()).isEqualTo("type.yaml:10: steps[1].retry.limit: must be a whole number, not 'three'");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        TemplateFinding finding = yaml.check("broken.yaml", "namespace: a\nsteps: [unclosed\n").findings().get(0);

        assertThat(finding.line()).isGreaterThanOrEqualTo(2);
        assertThat(finding.field()).isEmpty();
        assertThat(finding.message()).startsWith("not valid YAML: ");
    }

    @Test
    void anEmptyFileIsAFinding() {
        assertThat(yaml.check("empty.yaml", "").findings()).extracting(TemplateFinding::describe)
                .containsExactly("empty.yaml:1: the file is empty (no template in it)");
        assertThat(yaml.check("comment.yaml", "# only a comment\n").findings()).extracting(TemplateFinding::message)
                .containsExactly("the file is empty (no template in it)");
    }
}
