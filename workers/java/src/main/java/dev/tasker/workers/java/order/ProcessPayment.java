package dev.tasker.workers.java.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;

/**
 * Charges the total priced by validate_order:
 * {@code {transaction_id: "TXN-...", amount_charged, processing_fee}}, the fee being 2.9 % rounded half-up.
 */
@ApplicationScoped
@Named(ProcessPayment.NAME)
public class ProcessPayment implements StepHandler {

    public static final String NAME = "order_fulfillment.process_payment";
    static final String VALIDATE_STEP = "validate_order";
    static final BigDecimal FEE_RATE = new BigDecimal("0.029");

    @Override
    public JsonNode handle(StepContext context) {
        BigDecimal amount = orderTotal(context.parentResult(VALIDATE_STEP));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("transaction_id", "TXN-" + UuidHex.prefix(context.taskUuid(), 8, "task uuid"));
        result.set("amount_charged", Money.json(amount));
        result.set("processing_fee", Money.json(amount.multiply(FEE_RATE)));
        return result;
    }

    /**
     * Rounded to cents on the way in: validate_order writes cents, but the stored result may come back as a
     * binary double, and the charge must be in cents whatever the transport did.
     */
    private static BigDecimal orderTotal(JsonNode validated) {
        JsonNode total = validated.get("order_total");
        boolean finite = total != null && total.isNumber()
                && (!(total.isDouble() || total.isFloat()) || Double.isFinite(total.doubleValue()));
        if (!finite || total.decimalValue().signum() <= 0) {
            throw StepFailure.permanent("invalid_input", "the " + VALIDATE_STEP
                    + " result must have a positive number order_total, got "
                    + (total == null ? "nothing" : total.toString()));
        }
        return Money.cents(total.decimalValue());
    }
}
