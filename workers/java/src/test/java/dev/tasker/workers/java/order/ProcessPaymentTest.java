package dev.tasker.workers.java.order;

import static dev.tasker.workers.java.order.OrderFulfillmentWorkflowTest.assertMoney;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessPaymentTest {

    private final ProcessPayment handler = new ProcessPayment();

    private JsonNode pay(String validateOrderResult) {
        return handler.handle(StepContexts.of("process_payment", OrderContexts.upstream(),
                Map.of("validate_order", Json.parse(validateOrderResult),
                        "reserve_inventory", Json.parse("{\"reservation_id\": \"RES-A1B2C3D4\"}"))));
    }

    @ParameterizedTest(name = "{0} -> fee {1}")
    @CsvSource({
        "209.97, 6.09", // 6.08913
        "5.00, 0.15",   // 0.145 exactly: half-up, where half-even would give 0.14
        "100, 2.90",    // trailing zero kept
        "0.10, 0.00",   // 0.0029
        "17.24, 0.50",  // 0.49996
    })
    void chargesTheTotalAndAFeeOfTwoPointNinePercentHalfUp(String total, String fee) {
        JsonNode result = pay("{\"order_total\": " + total + ", \"item_count\": 1, \"validated\": true}");

        assertThat(result.get("transaction_id").textValue()).isEqualTo("TXN-A1B2C3D4");
        assertMoney(result.get("amount_charged"), new BigDecimal(total).setScale(2).toPlainString());
        assertMoney(result.get("processing_fee"), fee);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"order_total\": \"209.97\"}", "{\"order_total\": 0}",
        "{\"order_total\": -1.5}", "{\"order_total\": null}"})
    void refusesAValidateResultWithoutAPositiveTotal(String validateOrderResult) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> pay(validateOrderResult));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("invalid_input");
        assertThat(failure.getMessage()).contains("validate_order", "order_total");
    }

    @Test
    void needsTheValidateOrderParent() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> handler.handle(
                StepContexts.of("process_payment", OrderContexts.upstream(), Map.of())));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("missing_dependency_result");
    }
}
