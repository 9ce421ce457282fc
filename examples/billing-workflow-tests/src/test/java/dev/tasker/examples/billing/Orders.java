package dev.tasker.examples.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Orders for the billing workflow, as the task's context. */
final class Orders {

    private Orders() {
    }

    /** One customer's order of {@code quantity} x {@code unitPrice} of one sku. */
    static JsonNode of(String customer, String country, String sku, int quantity, String unitPrice) {
        ObjectNode order = JsonNodeFactory.instance.objectNode();
        order.putObject("customer").put("id", customer).put("country", country);
        order.putArray("lines").addObject().put("sku", sku).put("quantity", quantity)
                .put("unit_price", new BigDecimal(unitPrice));
        return order;
    }

    /** Two lines for a German customer: 3 x 19.99 + 1 x 5.00 = 64.97, VAT 19 % = 12.34, total 77.31. */
    static JsonNode german() {
        ObjectNode order = (ObjectNode) of("C-1001", "DE", "BOOK-1", 3, "19.99");
        ((ArrayNode) order.get("lines")).addObject().put("sku", "PEN-7")
                .put("quantity", 1).put("unit_price", new BigDecimal("5.00"));
        return order;
    }
}
