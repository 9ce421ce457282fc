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

class LinearWorkflowTest {

    private final TaskTemplate template = TemplateFiles.load("linear_workflow.yaml");

    private Map<String, JsonNode> run(int n) throws Exception {
        return WorkflowRunner.run(template, TestHandlers.math(), Json.parse("{\"even_number\": " + n + "}"));
    }

    @Test
    void sixGivesTheSpecFigures() throws Exception {
        Map<String, JsonNode> results = run(6);

        assertThat(results.keySet()).containsExactly("linear_step_1", "linear_step_2", "linear_step_3",
                "linear_step_4");
        assertResult(results, "linear_step_1", 36L);
        assertResult(results, "linear_step_2", 1296L);
        assertResult(results, "linear_step_3", 1679616L);
        assertResult(results, "linear_step_4", 2821109907456L);
    }

    /** Step k squares k times: step_k = N^(2^k), so step_4 = N^16; for 100 that is 10^32, past 64 bits. */
    @ParameterizedTest
    @ValueSource(ints = {2, 10, 100})
    void stepKIsNToTheTwoToTheK(int n) throws Exception {
        Map<String, JsonNode> results = run(n);

        assertResult(results, "linear_step_1", pow(n, 2));
        assertResult(results, "linear_step_2", pow(n, 4));
        assertResult(results, "linear_step_3", pow(n, 8));
        assertResult(results, "linear_step_4", pow(n, 16));
    }

    @Test
    void hundredOverflowsALongExactly() throws Exception {
        assertResult(run(100), "linear_step_4", "100000000000000000000000000000000");
    }
}
