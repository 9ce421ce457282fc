package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Reserves every ordered item: {@code {reservation_id: "RES-...", reserved_items: [{sku, quantity}...]}}. */
@ApplicationScoped
@Named(ReserveInventory.NAME)
public class ReserveInventory implements StepHandler {

    public static final String NAME = "order_fulfillment.reserve_inventory";

    @Override
    public JsonNode handle(StepContext context) {
        // Parsed again rather than trusted: the items come from the task context, not from validate_order.
        Order order = OrderParser.parse(context.taskContext());
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("reservation_id", "RES-" + UuidHex.prefix(context.taskUuid(), 8, "task uuid"));
        ArrayNode reserved = result.putArray("reserved_items");
        for (OrderItem item : order.items()) {
            reserved.addObject().put("sku", item.sku()).put("quantity", item.quantity());
        }
        return result;
    }
}
