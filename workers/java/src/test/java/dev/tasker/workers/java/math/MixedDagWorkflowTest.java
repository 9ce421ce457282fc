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

class MixedDagWorkflowTest {

    private final TaskTemplate template = TemplateFiles.load("mixed_dag_workflow.yaml");

    private Map<String, JsonNode> run(int n) throws Exception {
        return WorkflowRunner.run(template, TestHandlers.math(), Json.parse("{\"even_number\": " + n + "}"));
    }

    @Test
    void sixGivesTheSpecFigures() throws Exception {
        Map<String, JsonNode> results = run(6);

        assertThat(results).hasSize(7);
        assertResult(results, "dag_init", 36L);
        assertResult(results, "dag_process_left", 1296L);
        assertResult(results, "dag_process_right", 1296L);
        assertResult(results, "dag_validate", 2821109907456L);
        assertResult(results, "dag_transform", 1679616L);
        assertResult(results, "dag_analyze", 1679616L);
        assertResult(results, "dag_finalize", "63340286662973277706162286946811886609896461828096");
    }

    /**
     * init N^2; left, right N^4; validate (N^4 * N^4)^2 = N^16; transform, analyze N^8;
     * finalize (N^16 * N^8 * N^8)^2 = N^64 (upstream saturates here; we stay exact).
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 10, 100})
    void finalizeIsNToTheSixtyFourth(int n) throws Exception {
        Map<String, JsonNode> results = run(n);

        assertResult(results, "dag_init", pow(n, 2));
        assertResult(results, "dag_process_left", pow(n, 4));
        assertResult(results, "dag_process_right", pow(n, 4));
        assertResult(results, "dag_validate", pow(n, 16));
        assertResult(results, "dag_transform", pow(n, 8));
        assertResult(results, "dag_analyze", pow(n, 8));
        assertResult(results, "dag_finalize", pow(n, 64));
    }

    @Test
    void hundredGivesTenToTheHundredTwentyEighth() throws Exception {
        assertResult(run(100), "dag_finalize", "1" + "0".repeat(128));
    }
}
