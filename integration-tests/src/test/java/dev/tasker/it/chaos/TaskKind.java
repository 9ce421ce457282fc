package dev.tasker.it.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.it.Contexts;
import dev.tasker.it.Template;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The chaos soak's mix: every example and failure workflow, each with the outcome and exact results
 * ../shared/spec/workflows.md gives it, and how often it is drawn (weights; the slow timeout holds a worker slot
 * for 2 s, so it is rare). The math workflows draw N from the even numbers 2..100.
 */
enum TaskKind {

    LINEAR(Template.LINEAR, 6, Exponents.LINEAR),
    DIAMOND(Template.DIAMOND, 4, Exponents.DIAMOND),
    TREE(Template.TREE, 3, Exponents.TREE),
    MIXED_DAG(Template.MIXED_DAG, 3, Exponents.MIXED_DAG),
    /** The upstream order: 209.97, a fee of 6.09. */
    ORDER(Template.ORDER, 3, null),
    /** An odd N: the first step refuses it, without retry. */
    LINEAR_ODD(Template.LINEAR, 1, null),
    /** An order without items: refused by its first step. */
    ORDER_WITHOUT_ITEMS(Template.ORDER, 1, null),
    /** Fails twice on purpose, completes on its third and last allowed attempt. */
    FLAKY_RECOVERS(Template.FLAKY, 2, null),
    /** Fails on all three attempts its retry limit allows. */
    FLAKY_EXHAUSTED(Template.FLAKY, 1, null),
    PERMANENT_FAILURE(Template.PERMANENT_FAILURE, 1, null),
    /** Sleeps 100 ms of its 2 s timeout. */
    SLOW_WITHIN_TIMEOUT(Template.SLOW, 1, null),
    /** Sleeps 10 s: its 2 s timeout ends it. */
    SLOW_PAST_TIMEOUT(Template.SLOW, 1, null),
    /** A paced linear task cancelled as soon as it is created. */
    CANCELLED(Template.PACED_LINEAR, 2, Exponents.LINEAR);

    private final Template template;
    private final int weight;
    private final Map<String, Integer> exponents;

    TaskKind(Template template, int weight, Map<String, Integer> exponents) {
        this.template = template;
        this.weight = weight;
        this.exponents = exponents;
    }

    Template template() {
        return template;
    }

    /** A kind drawn by weight. */
    static TaskKind draw(Random random) {
        int total = 0;
        for (TaskKind k : values()) {
            total += k.weight;
        }
        int pick = random.nextInt(total);
        for (TaskKind k : values()) {
            pick -= k.weight;
            if (pick < 0) {
                return k;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }

    /** The input of the task: N for the math workflows (even, 2..100; odd for LINEAR_ODD), else unused. */
    int drawN(Random random) {
        int even = 2 + 2 * random.nextInt(50);
        return this == LINEAR_ODD ? even + 1 : even;
    }

    JsonNode context(int n) {
        return switch (this) {
            case LINEAR, DIAMOND, TREE, MIXED_DAG, LINEAR_ODD, CANCELLED -> Contexts.evenNumber(n);
            case ORDER -> Contexts.upstreamOrder();
            case ORDER_WITHOUT_ITEMS -> {
                var order = Contexts.orderWithoutItems();
                order.putArray("items");
                yield order;
            }
            case FLAKY_RECOVERS -> Contexts.failTimes(2);
            case FLAKY_EXHAUSTED -> Contexts.failTimes(5);
            case PERMANENT_FAILURE -> Contexts.none();
            case SLOW_WITHIN_TIMEOUT -> Contexts.sleepMs(100);
            case SLOW_PAST_TIMEOUT -> Contexts.sleepMs(10_000);
        };
    }

    /** The outcome without faults (for CANCELLED: the outcome if the cancel came too late). */
    Expected expected(int n) {
        return switch (this) {
            case LINEAR, DIAMOND, TREE, MIXED_DAG, CANCELLED -> new Expected.Completes(powers(n), 0);
            case ORDER -> new Expected.Completes(Map.of("validate_order.order_total", "209.97",
                    "validate_order.item_count", "3", "process_payment.amount_charged", "209.97",
                    "process_payment.processing_fee", "6.09", "ship_order.carrier", "UPS"), 0);
            case LINEAR_ODD -> new Expected.FailsAt("linear_step_1");
            case ORDER_WITHOUT_ITEMS -> new Expected.FailsAt("validate_order");
            case FLAKY_RECOVERS -> new Expected.Completes(Map.of("flaky_step.attempts", "3"), 2);
            case FLAKY_EXHAUSTED -> new Expected.FailsAt("flaky_step");
            case PERMANENT_FAILURE -> new Expected.FailsAt("permanent_failure_step");
            case SLOW_WITHIN_TIMEOUT -> new Expected.Completes(Map.of("slow_step.slept_ms", "100"), 0);
            case SLOW_PAST_TIMEOUT -> new Expected.FailsAt("slow_step");
        };
    }

    /** Each step's result N^e, exactly (the tree and the DAG end far beyond 64 bits). */
    private Map<String, String> powers(int n) {
        Map<String, String> results = new LinkedHashMap<>();
        exponents.forEach((step, e) -> results.put(step + ".result", BigInteger.valueOf(n).pow(e).toString()));
        return results;
    }

    /** The exponent of N each step's result has, by workflow (../shared/spec/workflows.md). */
    private static final class Exponents {
        static final Map<String, Integer> LINEAR = ordered(List.of("linear_step_1", "linear_step_2",
                "linear_step_3", "linear_step_4"), List.of(2, 4, 8, 16));
        static final Map<String, Integer> DIAMOND = ordered(List.of("diamond_start", "diamond_branch_b",
                "diamond_branch_c", "diamond_end"), List.of(2, 4, 4, 16));
        static final Map<String, Integer> TREE = ordered(List.of("tree_root", "tree_branch_left",
                "tree_branch_right", "tree_leaf_d", "tree_leaf_e", "tree_leaf_f", "tree_leaf_g",
                "tree_final_convergence"), List.of(2, 4, 4, 8, 8, 8, 8, 64));
        static final Map<String, Integer> MIXED_DAG = ordered(List.of("dag_init", "dag_process_left",
                "dag_process_right", "dag_validate", "dag_transform", "dag_analyze", "dag_finalize"),
                List.of(2, 4, 4, 16, 8, 8, 64));

        private static Map<String, Integer> ordered(List<String> steps, List<Integer> exponents) {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (int i = 0; i < steps.size(); i++) {
                m.put(steps.get(i), exponents.get(i));
            }
            return m;
        }
    }
}
