package dev.tasker.orchestration.support;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.template.RetryPolicy;
import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The example workflows' DAG shapes (names and edges as the integration worker ships them), per namespace. */
public final class TestTemplates {

    private TestTemplates() {
    }

    /** A namespace no other test uses, so its queue holds only this test's messages. */
    public static String uniqueNamespace(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static TaskTemplate linear(String ns) {
        return template(ns, "mathematical_sequence", "linear_step_1", "linear_step_2:linear_step_1",
                "linear_step_3:linear_step_2", "linear_step_4:linear_step_3");
    }

    public static TaskTemplate diamond(String ns) {
        return template(ns, "diamond_pattern", "diamond_start", "diamond_branch_b:diamond_start",
                "diamond_branch_c:diamond_start", "diamond_end:diamond_branch_b,diamond_branch_c");
    }

    public static TaskTemplate tree(String ns) {
        return template(ns, "hierarchical_tree", "tree_root", "tree_branch_left:tree_root",
                "tree_branch_right:tree_root", "tree_leaf_d:tree_branch_left", "tree_leaf_e:tree_branch_left",
                "tree_leaf_f:tree_branch_right", "tree_leaf_g:tree_branch_right",
                "tree_final_convergence:tree_leaf_d,tree_leaf_e,tree_leaf_f,tree_leaf_g");
    }

    public static TaskTemplate mixedDag(String ns) {
        return template(ns, "complex_dag", "dag_init", "dag_process_left:dag_init", "dag_process_right:dag_init",
                "dag_validate:dag_process_left,dag_process_right", "dag_transform:dag_process_left",
                "dag_analyze:dag_process_right", "dag_finalize:dag_validate,dag_transform,dag_analyze");
    }

    public static TaskTemplate orderFulfillment(String ns) {
        return template(ns, "business_workflow", "validate_order", "reserve_inventory:validate_order",
                "process_payment:validate_order,reserve_inventory",
                "ship_order:validate_order,reserve_inventory,process_payment");
    }

    /** One step with the given retry policy and timeout. */
    public static TaskTemplate single(String ns, String name, RetryPolicy retry, int timeoutSeconds) {
        return new TaskTemplate(ns, name, "1.0.0", null, null, List.of(
                new StepTemplate("only_step", null, "test.only", List.of(), retry, timeoutSeconds, null)));
    }

    /** Steps as "name" or "name:parent1,parent2". */
    public static TaskTemplate template(String ns, String name, String... steps) {
        List<StepTemplate> out = new ArrayList<>();
        for (String s : steps) {
            String[] parts = s.split(":");
            List<String> deps = parts.length > 1 ? Arrays.asList(parts[1].split(",")) : List.of();
            out.add(new StepTemplate(parts[0], null, "test." + parts[0], deps,
                    new RetryPolicy(true, 3, 50L, 200L), 30, null));
        }
        return new TaskTemplate(ns, name, "1.0.0", "test " + name, JsonNodeFactory.instance.objectNode(), out);
    }
}
