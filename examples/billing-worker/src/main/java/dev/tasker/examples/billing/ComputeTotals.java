package dev.tasker.examples.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code {subtotal, vat_rate, vat, total}} of the checked order: the subtotal is exact, VAT is the subtotal times
 * the country's rate rounded half up to cents, the total their sum.
 */
@ApplicationScoped
@Named("billing.compute_totals")
public class ComputeTotals implements StepHandler {

    @Override
    public JsonNode handle(StepContext context) {
        JsonNode order = context.parentResult("validate_order");
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : order.path("lines")) {
            subtotal = subtotal.add(line.path("unit_price").decimalValue()
                    .multiply(BigDecimal.valueOf(line.path("quantity").intValue())));
        }
        BigDecimal rate = Vat.rate(order.path("country").asText()).orElseThrow();
        BigDecimal vat = subtotal.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("subtotal", subtotal);
        result.put("vat_rate", rate);
        result.put("vat", vat);
        result.put("total", subtotal.add(vat));
        return result;
    }
}
