package dev.tasker.examples.billing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The VAT rates the billing workflow invoices at, by the customer's country (ISO 3166 alpha-2). */
final class Vat {

    private static final Map<String, BigDecimal> RATES = Map.of(
            "DE", new BigDecimal("0.19"),
            "FR", new BigDecimal("0.20"),
            "NL", new BigDecimal("0.21"),
            "US", new BigDecimal("0.00"));

    private Vat() {
    }

    static Optional<BigDecimal> rate(String country) {
        return Optional.ofNullable(RATES.get(country));
    }

    static String countries() {
        return String.join(", ", new TreeSet<>(RATES.keySet()));
    }
}
