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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreeWorkflowTest {

    private static final List<String> BRANCHES = List.of("tree_branch_left", "tree_branch_right");
    private static final List<String> LEAVES = List.of("tree_leaf_d", "tree_leaf_e", "tree_leaf_f", "tree_leaf_g");

    private final TaskTemplate template = TemplateFiles.load("tree_workflow.yaml");

    private Map<String, JsonNode> run(int n) throws Exception {
        return WorkflowRunner.run(template, TestHandlers.math(), Json.parse("{\"even_number\": " + n + "}"));
    }

    @Test
    void sixGivesTheSpecFigures() throws Exception {
        Map<String, JsonNode> results = run(6);

        assertThat(results).hasSize(8);
        assertResult(results, "tree_root", 36L);
        BRANCHES.forEach(b -> assertResult(results, b, 1296L));
        LEAVES.forEach(l -> assertResult(results, l, 1679616L));
        assertResult(results, "tree_final_convergence",
                "63340286662973277706162286946811886609896461828096");
    }

    /** root N^2, branches N^4, leaves N^8, final = (N^8)^4 squared = N^64. */
    @ParameterizedTest
    @ValueSource(ints = {2, 10, 100})
    void finalIsNToTheSixtyFourth(int n) throws Exception {
        Map<String, JsonNode> results = run(n);

        assertResult(results, "tree_root", pow(n, 2));
        BRANCHES.forEach(b -> assertResult(results, b, pow(n, 4)));
        LEAVES.forEach(l -> assertResult(results, l, pow(n, 8)));
        assertResult(results, "tree_final_convergence", pow(n, 64));
    }

    @Test
    void twoGivesTwoToTheSixtyFourOneMoreThanTheLargestUnsignedLong() throws Exception {
        assertResult(run(2), "tree_final_convergence", "18446744073709551616");
    }
}
