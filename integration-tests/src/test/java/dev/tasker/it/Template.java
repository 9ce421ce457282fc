package dev.tasker.it;

/** A task template of the stack's integration worker, by namespace and name (all are version 1.0.0). */
public record Template(String namespace, String name) {

    public static final Template LINEAR = new Template("linear_workflow", "mathematical_sequence");
    /** The linear workflow with a 20 ms pause before each step: a batch of it lasts long enough to fault. */
    public static final Template PACED_LINEAR = new Template("linear_workflow", "paced_sequence");
    public static final Template DIAMOND = new Template("diamond_workflow", "diamond_pattern");
    public static final Template TREE = new Template("tree_workflow", "hierarchical_tree");
    public static final Template MIXED_DAG = new Template("mixed_dag_workflow", "complex_dag");
    public static final Template ORDER = new Template("order_fulfillment", "business_workflow");
    public static final Template FLAKY = new Template("failure_workflow", "flaky_task");
    public static final Template PERMANENT_FAILURE = new Template("failure_workflow", "permanent_failure_task");
    public static final Template SLOW = new Template("failure_workflow", "slow_task");

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
