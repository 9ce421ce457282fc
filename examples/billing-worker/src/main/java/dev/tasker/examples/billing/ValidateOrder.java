package dev.tasker.examples.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the order in the task's context, {@code {customer: {id, country}, lines: [{sku, quantity, unit_price}]}},
 * naming every problem at once; an invalid order fails permanently (retrying cannot fix the input). Its result is
 * the checked order, unit prices as exact decimals.
 */
@ApplicationScoped
@Named("billing.validate_order")
public class ValidateOrder implements StepHandler {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 1000;

    @Override
    public JsonNode handle(StepContext context) {
        JsonNode order = context.taskContext();
        List<String> problems = new ArrayList<>();
        String customer = order.path("customer").path("id").asText("");
        String country = order.path("customer").path("country").asText("");
        if (customer.isBlank()) {
            problems.add("customer.id is required");
        }
        if (Vat.rate(country).isEmpty()) {
            problems.add("customer.country '" + country + "' is not one we invoice in (" + Vat.countries() + ")");
        }
        JsonNode lines = order.path("lines");
        if (!lines.isArray() || lines.isEmpty() || lines.size() > MAX_LINES) {
            problems.add("lines must be a list of 1 to " + MAX_LINES + " {sku, quantity, unit_price}");
        }
        ArrayNode checked = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; lines.isArray() && i < lines.size(); i++) {
            checked.add(line(lines.get(i), "lines[" + i + "]", problems));
        }
        if (!problems.isEmpty()) {
            throw StepFailure.permanent("invalid_order", String.join("; ", problems));
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("customer_id", customer);
        result.put("country", country);
        result.set("lines", checked);
        return result;
    }

    private static ObjectNode line(JsonNode line, String where, List<String> problems) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        String sku = line.path("sku").asText("");
        if (sku.isBlank()) {
            problems.add(where + ".sku is required");
        }
        JsonNode quantity = line.path("quantity");
        if (!quantity.canConvertToInt() || !quantity.isIntegralNumber() || quantity.intValue() < 1
                || quantity.intValue() > MAX_QUANTITY) {
            problems.add(where + ".quantity must be a whole number from 1 to " + MAX_QUANTITY + ", got " + quantity);
        }
        JsonNode price = line.path("unit_price");
        BigDecimal unitPrice = price.isNumber() ? price.decimalValue() : null;
        boolean priced = unitPrice != null && unitPrice.signum() >= 0 && unitPrice.stripTrailingZeros().scale() <= 2;
        if (!priced) {
            problems.add(where + ".unit_price must be a non-negative amount with at most 2 decimals, got " + price);
        }
        out.put("sku", sku);
        out.put("quantity", quantity.intValue());
        out.put("unit_price", priced ? unitPrice.setScale(2) : BigDecimal.ZERO);
        return out;
    }
}
