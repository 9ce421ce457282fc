package dev.tasker.workers.java.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.TemplateFiles;
import dev.tasker.workers.java.TestHandlers;
import dev.tasker.workers.java.WorkflowRunner;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderFulfillmentWorkflowTest {

    private static final UUID TASK = UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6");
    private static final UUID SHIP_STEP = UUID.fromString("9b2e4c1a-7d3f-4e8b-a6c5-0d1f2e3a4b5c");
    /** Late on 10 March UTC: the estimate counts from the UTC date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T23:30:00Z"), ZoneOffset.UTC);

    private final TaskTemplate template = TemplateFiles.load("order_fulfillment.yaml");

    private Map<String, JsonNode> run(JsonNode context) throws Exception {
        return WorkflowRunner.run(template,
                TestHandlers.byName(new ValidateOrder(), new ReserveInventory(), new ProcessPayment(),
                        new ShipOrder(CLOCK)),
                context, TASK, step -> step.equals("ship_order") ? SHIP_STEP : UUID.randomUUID());
    }

    @Test
    void theUpstreamOrderGivesTheSpecFigures() throws Exception {
        Map<String, JsonNode> results = run(OrderContexts.upstream());

        assertThat(results.keySet()).containsExactly("validate_order", "reserve_inventory", "process_payment",
                "ship_order");

        JsonNode validated = results.get("validate_order");
        assertThat(validated.size()).isEqualTo(3);
        assertMoney(validated.get("order_total"), "209.97");
        assertThat(validated.get("item_count").isIntegralNumber()).isTrue();
        assertThat(validated.get("item_count").intValue()).isEqualTo(3);
        assertThat(validated.get("validated").isBoolean()).isTrue();
        assertThat(validated.get("validated").booleanValue()).isTrue();

        assertThat(results.get("reserve_inventory")).isEqualTo(Json.parse("""
                {"reservation_id": "RES-3FA85F64",
                 "reserved_items": [{"sku": "WIDGET-001", "quantity": 2}, {"sku": "GADGET-002", "quantity": 1}]}
                """));

        JsonNode payment = results.get("process_payment");
        assertThat(payment.size()).isEqualTo(3);
        assertThat(payment.get("transaction_id").textValue()).isEqualTo("TXN-3FA85F64");
        assertMoney(payment.get("amount_charged"), "209.97");
        assertMoney(payment.get("processing_fee"), "6.09"); // 209.97 * 0.029 = 6.08913

        assertThat(results.get("ship_order")).isEqualTo(Json.parse("""
                {"tracking_number": "1Z9B2E4C1A7D3F4E8B", "carrier": "UPS", "service": "Ground",
                 "estimated_delivery": "2025-03-15"}
                """));
    }

    @Test
    void moneyIsWrittenAsJsonDecimalsWithCents() throws Exception {
        Map<String, JsonNode> results = run(OrderContexts.upstream());

        assertThat(Json.write(results.get("validate_order")))
                .isEqualTo("{\"order_total\":209.97,\"item_count\":3,\"validated\":true}");
        assertThat(Json.write(results.get("process_payment")))
                .contains("\"amount_charged\":209.97", "\"processing_fee\":6.09");
    }

    /** Exact value and exactly two decimal places: 6.09 must not be 6.0900 or 6.09000000001. */
    static void assertMoney(JsonNode node, String expected) {
        assertThat(node.isBigDecimal()).as("%s is an exact decimal node", node).isTrue();
        BigDecimal value = node.decimalValue();
        assertThat(value).isEqualByComparingTo(expected);
        assertThat(value.scale()).isEqualTo(2);
    }
}
