package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in the order workflow: exact decimals, always two places, never {@code double}. */
final class Money {

    static final int SCALE = 2;

    private Money() {
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Keeps the scale, so 10.50 is written as 10.50 (a test pins this against Jackson changing it). */
    static JsonNode json(BigDecimal amount) {
        return JsonNodeFactory.instance.numberNode(cents(amount));
    }
}
