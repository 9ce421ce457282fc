package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/** Checks the whole order once, up front, and prices it: {@code {order_total, item_count, validated}}. */
@ApplicationScoped
@Named(ValidateOrder.NAME)
public class ValidateOrder implements StepHandler {

    public static final String NAME = "order_fulfillment.validate_order";

    @Override
    public JsonNode handle(StepContext context) {
        Order order = OrderParser.parse(context.taskContext());
        BigDecimal total = BigDecimal.ZERO;
        long itemCount = 0;
        for (OrderItem item : order.items()) {
            total = total.add(item.lineTotal());
            itemCount += item.quantity();
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("order_total", Money.json(total));
        result.put("item_count", itemCount);
        result.put("validated", true);
        return result;
    }
}
