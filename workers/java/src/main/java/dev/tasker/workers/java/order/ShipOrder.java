package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Books the shipment: {@code {tracking_number, carrier: "UPS", service, estimated_delivery}}. Shipping method
 * "express" goes Next Day Air (1 day), anything else Ground (5 days), counted from today in UTC.
 */
@ApplicationScoped
@Named(ShipOrder.NAME)
public class ShipOrder implements StepHandler {

    public static final String NAME = "order_fulfillment.ship_order";
    static final String CARRIER = "UPS";

    private final Clock clock;

    public ShipOrder() {
        this(Clock.systemUTC());
    }

    /** Lets tests pin "today"; the estimated date would otherwise change at midnight UTC. */
    ShipOrder(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public JsonNode handle(StepContext context) {
        Order order = OrderParser.parse(context.taskContext());
        boolean express = "express".equalsIgnoreCase(order.shipping().method().strip());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        // From the step's uuid, so a retry of this step books under the same tracking number.
        result.put("tracking_number", "1Z" + UuidHex.prefix(context.stepUuid(), 16, "step uuid"));
        result.put("carrier", CARRIER);
        result.put("service", express ? "Next Day Air" : "Ground");
        result.put("estimated_delivery", today.plusDays(express ? 1 : 5).toString());
        return result;
    }
}
