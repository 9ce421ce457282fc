package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.testing.RawJson;
import dev.tasker.testing.StepValues;
import dev.tasker.testing.TaskAssertions;
import dev.tasker.testing.TaskStates;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The five example workflows of the integration worker against the compose stack, with the exact results of
 * ../shared/spec/workflows.md for N = 6 and for one other N each (tree and mixed DAG exceed 64 bits), the order
 * workflow's money to the cent, invalid inputs, and parallel branches really running in parallel.
 */
@QuarkusTest
class ExampleWorkflowsIT {

    private static final Duration FINISH = Duration.ofSeconds(60);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void linearForSixIsSixToTheSixteenth() {
        assertCompletesWith(Template.LINEAR, 6, Map.of(
                "linear_step_1", "36",
                "linear_step_2", "1296",
                "linear_step_3", "1679616",
                "linear_step_4", "2821109907456"));
    }

    @Test
    void linearForFourIsFourToTheSixteenth() {
        assertCompletesWith(Template.LINEAR, 4, Map.of(
                "linear_step_1", "16",
                "linear_step_2", "256",
                "linear_step_3", "65536",
                "linear_step_4", "4294967296"));
    }

    @Test
    void diamondForSix() {
        assertCompletesWith(Template.DIAMOND, 6, Map.of(
                "diamond_start", "36",
                "diamond_branch_b", "1296",
                "diamond_branch_c", "1296",
                "diamond_end", "2821109907456"));
    }

    @Test
    void diamondForTen() {
        assertCompletesWith(Template.DIAMOND, 10, Map.of(
                "diamond_start", "100",
                "diamond_branch_b", "10000",
                "diamond_branch_c", "10000",
                "diamond_end", "10000000000000000"));
    }

    @Test
    void treeForSixIsSixToTheSixtyFourth() {
        assertCompletesWith(Template.TREE, 6, Map.of(
                "tree_root", "36",
                "tree_branch_left", "1296",
                "tree_branch_right", "1296",
                "tree_leaf_d", "1679616",
                "tree_leaf_e", "1679616",
                "tree_leaf_f", "1679616",
                "tree_leaf_g", "1679616",
                "tree_final_convergence", "63340286662973277706162286946811886609896461828096"));
    }

    @Test
    void treeForTwoIsTwoToTheSixtyFourthOneMoreThanAnUnsignedLongHolds() {
        assertCompletesWith(Template.TREE, 2, Map.of(
                "tree_root", "4",
                "tree_branch_left", "16",
                "tree_branch_right", "16",
                "tree_leaf_d", "256",
                "tree_leaf_e", "256",
                "tree_leaf_f", "256",
                "tree_leaf_g", "256",
                "tree_final_convergence", "18446744073709551616"));
    }

    @Test
    void mixedDagForSixIsSixToTheSixtyFourth() {
        assertCompletesWith(Template.MIXED_DAG, 6, Map.of(
                "dag_init", "36",
                "dag_process_left", "1296",
                "dag_process_right", "1296",
                "dag_validate", "2821109907456",
                "dag_transform", "1679616",
                "dag_analyze", "1679616",
                "dag_finalize", "63340286662973277706162286946811886609896461828096"));
    }

    @Test
    void mixedDagForEightIsEightToTheSixtyFourth() {
        assertCompletesWith(Template.MIXED_DAG, 8, Map.of(
                "dag_init", "64",
                "dag_process_left", "4096",
                "dag_process_right", "4096",
                "dag_validate", "281474976710656",
                "dag_transform", "16777216",
                "dag_analyze", "16777216",
                "dag_finalize", "6277101735386680763835789423207666416102355444464034512896"));
    }

    @Test
    void anOddNumberFailsTheFirstStepOnceWithAValidationError() {
        TaskResponse task = it.run().awaitTerminal(
                it.run().create(Template.LINEAR.namespace(), Template.LINEAR.name(), Contexts.evenNumber(7))
                        .taskUuid(), FINISH);

        StepResponse first = TaskAssertions.failedAfter(task, "linear_step_1", 1);
        assertThat(first.error().retryable()).as("retryable flag of " + first.error()).isFalse();
        assertThat(first.error().message()).as("the error says why").contains("even_number").contains("7");
        assertThat(task.steps()).filteredOn(s -> !s.name().equals("linear_step_1"))
                .as("steps after the failed one never ran").allSatisfy(s -> assertThat(s.attempts()).isZero());
    }

    @Test
    void upstreamOrderIsPricedChargedAndShippedToTheCent() {
        TaskResponse task = assertCompletes(Template.ORDER, Contexts.upstreamOrder());

        Map<String, JsonNode> results = exactResults(task);
        JsonNode validated = results.get("validate_order");
        assertThat(validated.get("order_total").decimalValue()).as("order_total as sent (exact, 2 places)").isEqualTo(money("209.97"));
        assertThat(validated.get("item_count").asLong()).isEqualTo(3);
        assertThat(validated.get("validated").asBoolean()).isTrue();

        JsonNode reserved = results.get("reserve_inventory");
        assertThat(reserved.get("reservation_id").asText()).startsWith("RES-");
        assertThat(reserved.get("reserved_items")).hasSize(2);
        assertThat(reserved.get("reserved_items").findValuesAsText("sku")).containsExactly("WIDGET-001",
                "GADGET-002");

        JsonNode payment = results.get("process_payment");
        assertThat(payment.get("transaction_id").asText()).startsWith("TXN-");
        assertThat(payment.get("amount_charged").decimalValue()).as("amount_charged as sent (exact, 2 places)")
                .isEqualTo(money("209.97"));
        assertThat(payment.get("processing_fee").decimalValue()).as("2.9 % of 209.97 = 6.08913, half-up to cents")
                .isEqualTo(money("6.09"));

        JsonNode shipment = results.get("ship_order");
        assertThat(shipment.get("tracking_number").asText()).isNotBlank();
        assertThat(shipment.get("carrier").asText()).isEqualTo("UPS");
        assertThat(shipment.get("service").asText()).isEqualTo("Ground");
        assertThat(LocalDate.parse(shipment.get("estimated_delivery").asText()))
                .isAfter(LocalDate.ofInstant(task.createdAt(), ZoneOffset.UTC));
    }

    @Test
    void aFeeOnTheHalfCentRoundsHalfUp() {
        // 4 x 1.25 = 5.00, and 2.9 % of it is exactly half a cent past 0.14: half-up gives 0.15, half-even 0.14.
        // A total written as 5.0 has lost the two places the spec asks money to keep.
        TaskResponse task = assertCompletes(Template.ORDER, Contexts.order("PEN-001", 4, "1.25"));

        Map<String, JsonNode> results = exactResults(task);
        assertThat(results.get("validate_order").get("order_total").decimalValue())
                .as("order_total as sent (exact, 2 places)").isEqualTo(money("5.00"));
        assertThat(results.get("validate_order").get("item_count").asLong()).isEqualTo(4);
        assertThat(results.get("process_payment").get("amount_charged").decimalValue())
                .as("amount_charged as sent (exact, 2 places)").isEqualTo(money("5.00"));
        assertThat(results.get("process_payment").get("processing_fee").decimalValue())
                .as("2.9 % of 5.00 = 0.145, half-up to cents").isEqualTo(money("0.15"));
    }

    @Test
    void anOrderWithoutItemsFailsNamingTheField() {
        ObjectNode noItems = Contexts.orderWithoutItems();
        noItems.putArray("items");
        TaskResponse task = it.run().awaitTerminal(
                it.run().create(Template.ORDER.namespace(), Template.ORDER.name(), noItems).taskUuid(), FINISH);

        StepResponse validate = TaskAssertions.failedAfter(task, "validate_order", 1);
        assertThat(validate.error().retryable()).isFalse();
        assertThat(validate.error().message()).contains("items");
    }

    @Test
    void diamondBranchesRunAtTheSameTime() {
        TaskResponse task = assertCompletes(Template.DIAMOND, Contexts.evenNumber(6));

        StepResponse b = StepValues.step(task, "diamond_branch_b");
        StepResponse c = StepValues.step(task, "diamond_branch_c");
        // Both timestamps are the database's clock: a branch's attempt runs from its claim (last_attempted_at)
        // to its result (completed_at). One after the other, these intervals could not overlap.
        assertThat(b.lastAttemptedAt()).as("branch b started before branch c finished: %s and %s", b, c)
                .isBefore(c.completedAt());
        assertThat(c.lastAttemptedAt()).as("branch c started before branch b finished: %s and %s", c, b)
                .isBefore(b.completedAt());
    }

    private void assertCompletesWith(Template template, int n, Map<String, String> expected) {
        TaskResponse task = assertCompletes(template, Contexts.evenNumber(n));
        assertThat(StepValues.integerResults(task)).as("step results of %s for N = %d (task %s)", template, n,
                task.taskUuid()).isEqualTo(expected);
        assertThat(task.steps()).as("every step ran once").allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
    }

    private TaskResponse assertCompletes(Template template, JsonNode context) {
        TaskResponse created = it.run().create(template.namespace(), template.name(), context);
        TaskResponse task = it.run().awaitTerminal(created.taskUuid(), FINISH);
        assertThat(task.status()).as(TaskStates.describe(task)).isEqualTo(TaskState.COMPLETE);
        assertThat(task.executionStatus()).isEqualTo(ExecutionStatus.ALL_COMPLETE);
        assertThat(task.completedSteps()).isEqualTo(task.totalSteps());
        return task;
    }

    /** The steps' results exactly as the service wrote them (decimals keep their scale), by step name. */
    private Map<String, JsonNode> exactResults(TaskResponse task) {
        URI steps = it.stack().orchestrationUrl().resolve("/v1/tasks/" + task.taskUuid() + "/workflow_steps");
        Map<String, JsonNode> results = new TreeMap<>();
        new RawJson().get(steps).forEach(step -> results.put(step.get("name").asText(), step.get("results")));
        return results;
    }

    /** Compared with isEqualTo, so 209.970 or 209.9700000001 fail: the scale is part of the value. */
    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
