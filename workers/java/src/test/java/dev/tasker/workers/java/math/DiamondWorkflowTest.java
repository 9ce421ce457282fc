package dev.tasker.workers.java.math;

import static dev.tasker.workers.java.math.MathAssertions.assertResult;
import static dev.tasker.workers.java.math.MathAssertions.pow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.TemplateFiles;
import dev.tasker.workers.java.TestHandlers;
import dev.tasker.workers.java.WorkflowRunner;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiamondWorkflowTest {

    private final TaskTemplate template = TemplateFiles.load("diamond_workflow.yaml");

    private Map<String, JsonNode> run(int n) throws Exception {
        return WorkflowRunner.run(template, TestHandlers.math(), Json.parse("{\"even_number\": " + n + "}"));
    }

    @Test
    void sixGivesTheSpecFigures() throws Exception {
        Map<String, JsonNode> results = run(6);

        assertThat(results).containsOnlyKeys("diamond_start", "diamond_branch_b", "diamond_branch_c",
                "diamond_end");
        assertResult(results, "diamond_start", 36L);
        assertResult(results, "diamond_branch_b", 1296L);
        assertResult(results, "diamond_branch_c", 1296L);
        assertResult(results, "diamond_end", 2821109907456L);
    }

    /** start = N^2, b = c = N^4, end = (N^4 * N^4)^2 = N^16; 2^16 fits easily, 100^16 = 10^32 does not fit 64 bits. */
    @ParameterizedTest
    @ValueSource(ints = {2, 100})
    void endIsNToTheSixteenth(int n) throws Exception {
        Map<String, JsonNode> results = run(n);

        assertResult(results, "diamond_start", pow(n, 2));
        assertResult(results, "diamond_branch_b", pow(n, 4));
        assertResult(results, "diamond_branch_c", pow(n, 4));
        assertResult(results, "diamond_end", pow(n, 16));
    }

    @Test
    void literalValuesForTwoAndHundred() throws Exception {
        assertResult(run(2), "diamond_end", 65536L);
        assertResult(run(100), "diamond_end", "100000000000000000000000000000000");
    }
}
