package dev.tasker.workers.java.order;

import java.util.List;

/** An order read from a task context by {@link OrderParser}; every field has been checked. */
public record Order(Customer customer, List<OrderItem> items, Payment payment, Shipping shipping) {

    public Order {
        items = List.copyOf(items);
    }

    /** {@code id} is kept as text because upstream sends a number while other clients send opaque ids. */
    public record Customer(String id, String name, String email) {
    }

    public record Payment(String method, String token) {

        /** The token is a payment secret: never let it reach logs or step errors. */
        @Override
        public String toString() {
            return "Payment[method=" + method + ", token=***]";
        }
    }

    public record Shipping(String method, String street, String city, String country) {
    }
}
