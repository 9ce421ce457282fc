package dev.tasker.workers.java.order;

import static dev.tasker.workers.java.order.OrderFulfillmentWorkflowTest.assertMoney;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ValidateOrderTest {

    private final ValidateOrder handler = new ValidateOrder();

    private JsonNode run(JsonNode context) {
        return handler.handle(StepContexts.of("validate_order", context));
    }

    private String refusal(Consumer<ObjectNode> change) {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run(OrderContexts.upstreamWith(change)));
        assertThat(failure).isNotNull();
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        return failure.getMessage();
    }

    private static ObjectNode item(ObjectNode order, int index) {
        return (ObjectNode) order.get("items").get(index);
    }

    @Test
    void emptyItems() {
        assertThat(refusal(o -> o.putArray("items"))).contains("items must be a non-empty array");
    }

    @Test
    void missingItems() {
        assertThat(refusal(o -> o.remove("items"))).contains("items must be a non-empty array");
    }

    @Test
    void zeroQuantity() {
        assertThat(refusal(o -> item(o, 1).put("quantity", 0)))
                .contains("items[1].quantity must be a positive integer, got 0");
    }

    @Test
    void fractionalQuantity() {
        assertThat(refusal(o -> item(o, 0).put("quantity", 1.5)))
                .contains("items[0].quantity must be a positive integer");
    }

    @Test
    void quantityAsString() {
        assertThat(refusal(o -> item(o, 0).put("quantity", "2")))
                .contains("items[0].quantity must be a positive integer");
    }

    @Test
    void negativePrice() {
        assertThat(refusal(o -> item(o, 0).put("price", -29.99)))
                .contains("items[0].price must be a positive number, got -29.99");
    }

    @Test
    void zeroPrice() {
        assertThat(refusal(o -> item(o, 1).put("price", 0))).contains("items[1].price must be a positive number");
    }

    @Test
    void priceWithFractionsOfACent() {
        assertThat(refusal(o -> item(o, 0).put("price", 29.999)))
                .contains("items[0].price must have at most 2 decimal places");
    }

    @Test
    void priceAsString() {
        assertThat(refusal(o -> item(o, 0).put("price", "29.99"))).contains("items[0].price must be a positive number");
    }

    @Test
    void missingSku() {
        assertThat(refusal(o -> item(o, 1).remove("sku"))).contains("items[1].sku must be a non-empty string");
    }

    @Test
    void itemNotAnObject() {
        assertThat(refusal(o -> ((ArrayNode) o.get("items")).add("WIDGET-003")))
                .contains("items[2] must be an object");
    }

    @Test
    void missingPayment() {
        assertThat(refusal(o -> o.remove("payment"))).contains("payment is required and must be an object");
    }

    @Test
    void blankPaymentToken() {
        assertThat(refusal(o -> ((ObjectNode) o.get("payment")).put("token", " ")))
                .contains("payment.token must be a non-empty string");
    }

    @Test
    void missingCustomer() {
        assertThat(refusal(o -> o.remove("customer"))).contains("customer is required and must be an object");
    }

    @Test
    void badCustomerFields() {
        String message = refusal(o -> ((ObjectNode) o.get("customer")).put("id", -1).put("email", "john.doe"));

        assertThat(message).contains("customer.id must be a positive integer or a non-empty string",
                "customer.email must look like name@example.com");
    }

    @Test
    void missingShippingAndAddressParts() {
        assertThat(refusal(o -> o.remove("shipping"))).contains("shipping is required and must be an object");
        assertThat(refusal(o -> ((ObjectNode) o.get("shipping")).remove("address")))
                .contains("shipping.address is required and must be an object");
        assertThat(refusal(o -> ((ObjectNode) o.get("shipping").get("address")).remove("city")))
                .contains("shipping.address.city must be a non-empty string");
        assertThat(refusal(o -> ((ObjectNode) o.get("shipping")).putNull("method")))
                .contains("shipping.method must be a non-empty string");
    }

    @Test
    void reportsEveryProblemAtOnceWithoutLeakingThePaymentToken() {
        String message = refusal(o -> {
            item(o, 0).put("quantity", 0);
            item(o, 1).put("price", -1);
            o.remove("shipping");
            ((ObjectNode) o.get("customer")).put("email", "not-an-email");
        });

        assertThat(message).contains("items[0].quantity", "items[1].price", "shipping", "customer.email")
                .doesNotContain("tok_1234567890abcdef");
    }

    @Test
    void aContextThatIsNotAnOrderAtAll() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> run(Json.parse("{}")));

        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("customer", "items", "payment", "shipping");
    }

    @Test
    void keepsTwoDecimalPlacesEvenWithATrailingZero() {
        JsonNode result = run(OrderContexts.upstreamWith(o -> {
            item(o, 0).put("price", 10.5).put("quantity", 3);
            item(o, 1).put("price", 1).put("quantity", 4);
        }));

        assertMoney(result.get("order_total"), "35.50"); // 3 * 10.50 + 4 * 1.00
        assertThat(Json.write(result)).contains("\"order_total\":35.50");
        assertThat(result.get("item_count").intValue()).isEqualTo(7);
    }

    @Test
    void sumsExactlyWhereDoublesWouldDrift() {
        JsonNode result = run(OrderContexts.upstreamWith(o -> {
            item(o, 0).put("price", 0.1).put("quantity", 3);
            item(o, 1).put("price", 0.2).put("quantity", 1);
        }));

        assertMoney(result.get("order_total"), "0.50"); // 0.1 * 3 + 0.2 in doubles is 0.5000000000000001
    }
}
