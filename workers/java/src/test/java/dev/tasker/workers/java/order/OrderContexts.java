package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.workers.java.Json;
import java.util.function.Consumer;

/** The upstream example order, and variations of it for the validation tests. */
final class OrderContexts {

    static final String UPSTREAM = """
            {
              "customer": {"id": 12345, "name": "John Doe", "email": "john.doe@example.com"},
              "items": [
                {"sku": "WIDGET-001", "quantity": 2, "price": 29.99},
                {"sku": "GADGET-002", "quantity": 1, "price": 149.99}
              ],
              "payment": {"method": "credit_card", "token": "tok_1234567890abcdef"},
              "shipping": {
                "method": "standard",
                "address": {"street": "123 Main St", "city": "Anytown", "state": "CA", "zip": "12345",
                            "country": "US"}
              }
            }
            """;

    private OrderContexts() {
    }

    static ObjectNode upstream() {
        return (ObjectNode) Json.parse(UPSTREAM);
    }

    /** The upstream order with one change applied. */
    static JsonNode upstreamWith(Consumer<ObjectNode> change) {
        ObjectNode order = upstream();
        change.accept(order);
        return order;
    }
}
