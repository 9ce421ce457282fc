package dev.tasker.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three handlers in plain JUnit: no container, no Quarkus. */
class HandlersTest {

    @Test
    void theOrderFlowsThroughTheThreeSteps() {
        JsonNode checked = new ValidateOrder().handle(Orders.step("validate_order", Orders.GERMAN, Map.of()));
        JsonNode totals = new ComputeTotals().handle(Orders.step("compute_totals", Orders.GERMAN,
                Map.of("validate_order", checked)));
        JsonNode invoice = new IssueInvoice().handle(Orders.step("issue_invoice", Orders.GERMAN,
                Map.of("compute_totals", totals)));

        assertThat(checked.at("/lines/1/unit_price").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(totals.get("subtotal").decimalValue().toPlainString()).isEqualTo("64.97");
        assertThat(totals.get("vat").decimalValue().toPlainString()).isEqualTo("12.34");
        assertThat(totals.get("total").decimalValue().toPlainString()).isEqualTo("77.31");
        assertThat(invoice.get("invoice_number").asText()).isEqualTo("INV-C-1001-5d41402a");
        assertThat(invoice.get("total").decimalValue().toPlainString()).isEqualTo("77.31");
    }

    @Test
    void vatIsRoundedHalfUpToCents() {
        // 0.05 x 19 % = 0.0095 -> 0.01
        String order = """
                {"customer": {"id": "C-2", "country": "DE"}, "lines": [{"sku": "A", "quantity": 1, "unit_price": 0.05}]}""";
        JsonNode checked = new ValidateOrder().handle(Orders.step("validate_order", order, Map.of()));

        JsonNode totals = new ComputeTotals().handle(Orders.step("compute_totals", order,
                Map.of("validate_order", checked)));

        assertThat(totals.get("vat").decimalValue().toPlainString()).isEqualTo("0.01");
    }

    @Test
    void anInvalidOrderFailsPermanentlyNamingEveryProblem() {
        String order = """
                {"customer": {"id": "C-3", "country": "XX"},
                 "lines": [{"sku": "", "quantity": 0, "unit_price": 1.999}]}""";

        StepFailure failure = catchThrowableOfType(StepFailure.class,
                () -> new ValidateOrder().handle(Orders.step("validate_order", order, Map.of())));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_order");
        assertThat(failure.getMessage()).contains("customer.country 'XX' is not one we invoice in (DE, FR, NL, US)",
                "lines[0].sku is required", "lines[0].quantity must be a whole number from 1 to 1000, got 0",
                "lines[0].unit_price must be a non-negative amount with at most 2 decimals, got 1.999");
    }
}
