package dev.tasker.workers.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped templates against the reference spec: names, edges, policies, and handlers that exist. */
class TemplateFilesTest {

    private static final List<String> FILES = List.of("diamond_workflow.yaml", "failure_flaky.yaml",
            "failure_permanent.yaml", "failure_slow.yaml", "linear_workflow.yaml", "linear_workflow_paced.yaml",
            "linear_workflow_sequence.yaml", "mixed_dag_workflow.yaml", "order_fulfillment.yaml", "tree_workflow.yaml");

    private static Map<String, TaskTemplate> all() {
        Map<String, TaskTemplate> templates = new LinkedHashMap<>();
        TemplateFiles.fileNames().forEach(f -> templates.put(f, TemplateFiles.load(f)));
        return templates;
    }

    /** Step name -> its dependencies, in file order. */
    private static Map<String, List<String>> edges(TaskTemplate t) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        t.steps().forEach(s -> edges.put(s.name(), s.dependencies()));
        return edges;
    }

    private static StepTemplate step(TaskTemplate t, String name) {
        return t.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(t.key() + " has no step " + name));
    }

    @Test
    void shipsExactlyTheTenTemplateFiles() {
        assertThat(TemplateFiles.fileNames()).containsExactlyElementsOf(FILES);
    }

    @Test
    void everyFileLoadsStrictlyAndIsValid() {
        all().forEach((file, t) -> {
            assertThat(TemplateValidator.problems(t)).as(file).isEmpty();
            assertThat(t.version()).as(file).isEqualTo("1.0.0");
            assertThat(t.description()).as(file).isNotBlank();
            t.steps().forEach(s -> assertThat(s.description()).as("%s %s", file, s.name()).isNotBlank());
        });
    }

    /** The paced variant is the linear workflow step for step, plus each step's pause. */
    @Test
    void thePacedLinearTemplateIsTheLinearOneWithAPause() {
        TaskTemplate linear = TemplateFiles.load("linear_workflow.yaml");
        TaskTemplate paced = TemplateFiles.load("linear_workflow_paced.yaml");

        assertThat(paced.namespace()).isEqualTo(linear.namespace());
        assertThat(edges(paced)).isEqualTo(edges(linear));
        for (StepTemplate s : paced.steps()) {
            StepTemplate original = step(linear, s.name());
            assertThat(s.handler()).as(s.name()).isEqualTo(original.handler());
            assertThat(s.retry()).as(s.name()).isEqualTo(original.retry());
            assertThat(s.handlerConfig().get("pause_ms").asInt()).as(s.name()).isEqualTo(20);
        }
    }

    /** The seed's command list creates linear_workflow/sequence: mathematical_sequence under that name. */
    @Test
    void theSeedsSequenceIsTheLinearTemplateUnderItsName() {
        TaskTemplate linear = TemplateFiles.load("linear_workflow.yaml");
        TaskTemplate seed = TemplateFiles.load("linear_workflow_sequence.yaml");

        assertThat(seed.key()).isEqualTo("linear_workflow/sequence/1.0.0");
        assertThat(seed.steps()).isEqualTo(linear.steps());
        assertThat(seed.defaultContext()).isEqualTo(linear.defaultContext());
    }

    @Test
    void keysAreUnique() {
        List<String> keys = all().values().stream().map(TaskTemplate::key).toList();

        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void theStrictReaderRefusesAMisspeltField() {
        String yaml = """
                namespace: linear_workflow
                name: x
                version: "1.0.0"
                steps:
                  - name: a
                    handler: math.square_input
                    timeout: 30
                """;

        assertThatThrownBy(() -> TemplateFiles.yamlMapper().readValue(yaml, TaskTemplate.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("timeout");
    }

    @Test
    void linearWorkflow() {
        TaskTemplate t = TemplateFiles.load("linear_workflow.yaml");

        assertThat(t.key()).isEqualTo("linear_workflow/mathematical_sequence/1.0.0");
        assertThat(edges(t)).containsExactly(
                entry("linear_step_1", List.of()),
                entry("linear_step_2", List.of("linear_step_1")),
                entry("linear_step_3", List.of("linear_step_2")),
                entry("linear_step_4", List.of("linear_step_3")));
        assertMathPolicies(t);
    }

    @Test
    void diamondWorkflow() {
        TaskTemplate t = TemplateFiles.load("diamond_workflow.yaml");

        assertThat(t.key()).isEqualTo("diamond_workflow/diamond_pattern/1.0.0");
        assertThat(edges(t)).containsExactly(
                entry("diamond_start", List.of()),
                entry("diamond_branch_b", List.of("diamond_start")),
                entry("diamond_branch_c", List.of("diamond_start")),
                entry("diamond_end", List.of("diamond_branch_b", "diamond_branch_c")));
        assertMathPolicies(t);
    }

    @Test
    void treeWorkflow() {
        TaskTemplate t = TemplateFiles.load("tree_workflow.yaml");

        assertThat(t.key()).isEqualTo("tree_workflow/hierarchical_tree/1.0.0");
        assertThat(edges(t)).containsExactly(
                entry("tree_root", List.of()),
                entry("tree_branch_left", List.of("tree_root")),
                entry("tree_branch_right", List.of("tree_root")),
                entry("tree_leaf_d", List.of("tree_branch_left")),
                entry("tree_leaf_e", List.of("tree_branch_left")),
                entry("tree_leaf_f", List.of("tree_branch_right")),
                entry("tree_leaf_g", List.of("tree_branch_right")),
                entry("tree_final_convergence", List.of("tree_leaf_d", "tree_leaf_e", "tree_leaf_f",
                        "tree_leaf_g")));
        assertMathPolicies(t);
    }

    @Test
    void mixedDagWorkflow() {
        TaskTemplate t = TemplateFiles.load("mixed_dag_workflow.yaml");

        assertThat(t.key()).isEqualTo("mixed_dag_workflow/complex_dag/1.0.0");
        assertThat(edges(t)).containsExactly(
                entry("dag_init", List.of()),
                entry("dag_process_left", List.of("dag_init")),
                entry("dag_process_right", List.of("dag_init")),
                entry("dag_validate", List.of("dag_process_left", "dag_process_right")),
                entry("dag_transform", List.of("dag_process_left")),
                entry("dag_analyze", List.of("dag_process_right")),
                entry("dag_finalize", List.of("dag_validate", "dag_transform", "dag_analyze")));
        assertMathPolicies(t);
    }

    /** The first step checks even_number; single-parent steps square; convergences square a product. */
    private static void assertMathPolicies(TaskTemplate t) {
        assertThat(t.defaultContext().isEmpty()).isTrue();
        for (StepTemplate s : t.steps()) {
            String expectedHandler = switch (s.dependencies().size()) {
                case 0 -> "math.square_input";
                case 1 -> "math.square_parent";
                default -> "math.square_product_of_parents";
            };
            assertThat(s.handler()).as(s.name()).isEqualTo(expectedHandler);
            assertThat(s.retry()).as(s.name()).isEqualTo(new RetryPolicy(true, 3, 100L, 2000L));
            assertThat(s.timeoutSeconds()).as(s.name()).isEqualTo(30);
        }
    }

    @Test
    void orderFulfillment() {
        TaskTemplate t = TemplateFiles.load("order_fulfillment.yaml");

        assertThat(t.key()).isEqualTo("order_fulfillment/business_workflow/1.0.0");
        assertThat(edges(t)).containsExactly(
                entry("validate_order", List.of()),
                entry("reserve_inventory", List.of("validate_order")),
                entry("process_payment", List.of("validate_order", "reserve_inventory")),
                entry("ship_order", List.of("validate_order", "reserve_inventory", "process_payment")));
        Map<String, Integer> timeouts = t.steps().stream()
                .collect(Collectors.toMap(StepTemplate::name, StepTemplate::timeoutSeconds));
        assertThat(timeouts).containsOnly(entry("validate_order", 45), entry("reserve_inventory", 60),
                entry("process_payment", 90), entry("ship_order", 60));
        for (StepTemplate s : t.steps()) {
            assertThat(s.handler()).isEqualTo("order_fulfillment." + s.name());
            RetryPolicy r = s.retry();
            assertThat(r.retryable()).isTrue();
            if (s.name().equals("process_payment")) {
                assertThat(r.limit()).isEqualTo(2);
                assertThat(r.backoffBaseMs()).isEqualTo(2000L);
            } else {
                assertThat(r.limit()).as(s.name()).isEqualTo(3);
                assertThat(r.backoffBaseMs()).as(s.name()).isEqualTo(1000L);
            }
        }
    }

    @Test
    void flakyTask() {
        TaskTemplate t = TemplateFiles.load("failure_flaky.yaml");

        assertThat(t.key()).isEqualTo("failure_workflow/flaky_task/1.0.0");
        assertThat(edges(t)).containsExactly(entry("flaky_step", List.of()));
        assertThat(t.defaultContext()).isEqualTo(Json.parse("{\"fail_times\": 2}"));
        StepTemplate s = step(t, "flaky_step");
        assertThat(s.handler()).isEqualTo("failure_workflow.flaky");
        assertThat(s.retry()).isEqualTo(new RetryPolicy(true, 3, 50L, 200L));
        assertThat(s.timeoutSeconds()).isEqualTo(10);
    }

    @Test
    void permanentFailureTask() {
        TaskTemplate t = TemplateFiles.load("failure_permanent.yaml");

        assertThat(t.key()).isEqualTo("failure_workflow/permanent_failure_task/1.0.0");
        assertThat(edges(t)).containsExactly(entry("permanent_failure_step", List.of()));
        StepTemplate s = step(t, "permanent_failure_step");
        assertThat(s.handler()).isEqualTo("failure_workflow.permanent_failure");
        assertThat(s.retry().retryable()).isFalse();
        assertThat(s.retry().limit()).isEqualTo(1);
    }

    @Test
    void slowTask() {
        TaskTemplate t = TemplateFiles.load("failure_slow.yaml");

        assertThat(t.key()).isEqualTo("failure_workflow/slow_task/1.0.0");
        assertThat(edges(t)).containsExactly(entry("slow_step", List.of()));
        assertThat(t.defaultContext()).isEqualTo(Json.parse("{\"sleep_ms\": 100}"));
        StepTemplate s = step(t, "slow_step");
        assertThat(s.handler()).isEqualTo("failure_workflow.slow");
        assertThat(s.timeoutSeconds()).isEqualTo(2);
        assertThat(s.retry().limit()).isEqualTo(1);
    }

    @Test
    void everyHandlerNamedInATemplateExistsAndEveryHandlerIsUsed() {
        Set<String> declared = new HashSet<>();
        for (Class<? extends StepHandler> c : TestHandlers.CLASSES) {
            assertThat(c.isAnnotationPresent(ApplicationScoped.class)).as(c.getName()).isTrue();
            assertThat(declared.add(TestHandlers.nameOf(c))).as("unique name of %s", c.getName()).isTrue();
        }
        Set<String> used = all().values().stream().flatMap(t -> t.steps().stream()).map(StepTemplate::handler)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(declared).containsAll(used);
        assertThat(used).containsAll(declared);
    }

    @Test
    void handlerNamesMatchTheirPublicConstants() throws ReflectiveOperationException {
        for (Class<? extends StepHandler> c : TestHandlers.CLASSES) {
            assertThat(c.getField("NAME").get(null)).as(c.getName()).isEqualTo(TestHandlers.nameOf(c));
        }
    }
}
