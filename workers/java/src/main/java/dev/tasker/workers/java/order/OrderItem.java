package dev.tasker.workers.java.order;

import java.math.BigDecimal;

/** One line of an order, already checked: a SKU, a positive quantity and a positive unit price in cents. */
public record OrderItem(String sku, int quantity, BigDecimal price) {

    public BigDecimal lineTotal() {
        return price.multiply(BigDecimal.valueOf(quantity));
    }
}
