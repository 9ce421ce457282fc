package dev.tasker.it;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Task contexts (inputs) of the example and failure workflows. */
public final class Contexts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Contexts() {
    }

    /** No input: the template's default_context applies. */
    public static ObjectNode none() {
        return JSON.objectNode();
    }

    /** Input of the four math workflows. */
    public static ObjectNode evenNumber(int n) {
        return JSON.objectNode().put("even_number", n);
    }

    public static ObjectNode failTimes(int n) {
        return JSON.objectNode().put("fail_times", n);
    }

    public static ObjectNode sleepMs(int ms) {
        return JSON.objectNode().put("sleep_ms", ms);
    }

    /** The upstream test order: 2 x WIDGET-001 at 29.99 and 1 x GADGET-002 at 149.99, total 209.97. */
    public static ObjectNode upstreamOrder() {
        ObjectNode order = orderWithoutItems();
        order.putArray("items").add(item("WIDGET-001", 2, "29.99")).add(item("GADGET-002", 1, "149.99"));
        return order;
    }

    /** An order of {@code quantity} x {@code sku} at {@code price}. */
    public static ObjectNode order(String sku, int quantity, String price) {
        ObjectNode order = orderWithoutItems();
        order.putArray("items").add(item(sku, quantity, price));
        return order;
    }

    /** Customer, payment and shipping of the upstream order; the caller adds items (or leaves them out). */
    public static ObjectNode orderWithoutItems() {
        ObjectNode order = JSON.objectNode();
        order.putObject("customer").put("id", 12345).put("name", "John Doe").put("email", "john.doe@example.com");
        order.putObject("payment").put("method", "credit_card").put("token", "tok_1234567890abcdef");
        ObjectNode shipping = order.putObject("shipping").put("method", "standard");
        shipping.putObject("address").put("street", "123 Main St").put("city", "Anytown").put("state", "CA")
                .put("zip", "12345").put("country", "US");
        return order;
    }

    private static ObjectNode item(String sku, int quantity, String price) {
        return JSON.objectNode().put("sku", sku).put("quantity", quantity).put("price", new BigDecimal(price));
    }
}
