package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an order from a task context. Collects every problem before failing, so a client fixes its request in
 * one round instead of one field at a time; any problem is a permanent {@code validation_error}.
 */
public final class OrderParser {

    static final int MAX_ITEMS = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<String> problems = new ArrayList<>();

    private OrderParser() {
    }

    public static Order parse(JsonNode taskContext) {
        OrderParser parser = new OrderParser();
        Order order = parser.order(taskContext);
        if (!parser.problems.isEmpty()) {
            throw StepFailure.permanent("validation_error", "invalid order: " + String.join("; ", parser.problems));
        }
        return order;
    }

    private Order order(JsonNode ctx) {
        JsonNode customer = object(ctx, "", "customer");
        JsonNode payment = object(ctx, "", "payment");
        JsonNode shipping = object(ctx, "", "shipping");
        JsonNode address = shipping == null ? null : object(shipping, "shipping.", "address");
        return new Order(
                customer == null ? null : new Order.Customer(customerId(customer), text(customer, "customer.", "name"),
                        email(customer)),
                items(ctx.get("items")),
                payment == null ? null : new Order.Payment(text(payment, "payment.", "method"),
                        text(payment, "payment.", "token")),
                shipping == null ? null : new Order.Shipping(text(shipping, "shipping.", "method"),
                        address == null ? null : text(address, "shipping.address.", "street"),
                        address == null ? null : text(address, "shipping.address.", "city"),
                        address == null ? null : text(address, "shipping.address.", "country")));
    }

    private List<OrderItem> items(JsonNode items) {
        if (items == null || !items.isArray() || items.isEmpty()) {
            problems.add("items must be a non-empty array of {sku, quantity, price}");
            return List.of();
        }
        if (items.size() > MAX_ITEMS) {
            problems.add("items has " + items.size() + " entries; at most " + MAX_ITEMS + " are allowed");
            return List.of();
        }
        List<OrderItem> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String where = "items[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(where + " must be an object {sku, quantity, price}");
                continue;
            }
            String sku = text(item, where + ".", "sku");
            Integer quantity = quantity(item.get("quantity"), where + ".quantity");
            BigDecimal price = price(item.get("price"), where + ".price");
            if (sku != null && quantity != null && price != null) {
                result.add(new OrderItem(sku, quantity, price));
            }
        }
        return result;
    }

    private Integer quantity(JsonNode value, String field) {
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() <= 0) {
            problems.add(field + " must be a positive integer, got " + describeNumber(value));
            return null;
        }
        return value.intValue();
    }

    /** Fractions of a cent are refused rather than rounded: rounding would charge a price nobody quoted. */
    private BigDecimal price(JsonNode value, String field) {
        if (value == null || !value.isNumber() || !isFinite(value) || value.decimalValue().signum() <= 0) {
            problems.add(field + " must be a positive number, got " + describeNumber(value));
            return null;
        }
        BigDecimal price = value.decimalValue();
        if (price.stripTrailingZeros().scale() > Money.SCALE) {
            problems.add(field + " must have at most " + Money.SCALE + " decimal places, got " + price.toPlainString());
            return null;
        }
        return price;
    }

    private String customerId(JsonNode customer) {
        JsonNode id = customer.get("id");
        if (id != null && id.isIntegralNumber() && id.bigIntegerValue().signum() > 0) {
            return id.bigIntegerValue().toString();
        }
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        problems.add("customer.id must be a positive integer or a non-empty string");
        return null;
    }

    private String email(JsonNode customer) {
        String email = text(customer, "customer.", "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add("customer.email must look like name@example.com");
            return null;
        }
        return email;
    }

    private JsonNode object(JsonNode parent, String prefix, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isObject()) {
            problems.add(prefix + field + " is required and must be an object");
            return null;
        }
        return value;
    }

    /** String values are not echoed back: they may be personal data or, for payment.token, a secret. */
    private String text(JsonNode parent, String prefix, String field) {
        JsonNode value = parent.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            problems.add(prefix + field + " must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    /** NaN and infinity only reach here from lenient parsers, and have no decimal value to price with. */
    private static boolean isFinite(JsonNode number) {
        return !(number.isDouble() || number.isFloat()) || Double.isFinite(number.doubleValue());
    }

    private static String describeNumber(JsonNode value) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        return value.isNumber() ? value.asText() : "a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
