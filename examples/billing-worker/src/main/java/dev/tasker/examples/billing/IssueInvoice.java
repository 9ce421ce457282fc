package dev.tasker.examples.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * {@code {invoice_number, total}}: the number is the customer's id and the first eight hex digits of the task's
 * UUID, so a retried step issues the same number and a repeated order another one.
 */
@ApplicationScoped
@Named("billing.issue_invoice")
public class IssueInvoice implements StepHandler {

    @Override
    public JsonNode handle(StepContext context) {
        JsonNode totals = context.parentResult("compute_totals");
        String customer = context.taskContext().path("customer").path("id").asText();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("invoice_number", "INV-" + customer + "-" + context.taskUuid().toString().substring(0, 8));
        result.set("total", totals.path("total"));
        return result;
    }
}
