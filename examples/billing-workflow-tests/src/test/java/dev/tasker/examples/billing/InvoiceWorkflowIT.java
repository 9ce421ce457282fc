package dev.tasker.examples.billing;

import dev.tasker.api.task.TaskResponse;
import dev.tasker.testing.TaskerIntegration;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The billing workflow against a real stack: PostgreSQL and Tasker's orchestration in containers, and the billing
 * worker built into an image of its own from ../billing-worker (tasker-testing does both; see the failsafe
 * settings in the pom). Each test sees only its own tasks.
 */
class InvoiceWorkflowIT {

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void aGermanOrderIsInvoicedWithNineteenPercentVat() {
        TaskResponse task = it.run().create("billing", "invoice", Orders.german());

        it.assertThat(task).completes()
                .withStepResult("compute_totals", "{\"subtotal\": 64.97, \"vat_rate\": 0.19, \"vat\": 12.34, "
                        + "\"total\": 77.31}")
                .withStepResult("issue_invoice", "invoice_number", "INV-C-1001-" + task.taskUuid().toString()
                        .substring(0, 8));
    }

    @Test
    void aFrenchOrderPaysTwentyPercent() {
        TaskResponse task = it.run().create("billing", "invoice", Orders.of("C-77", "FR", "LAMP", 2, "45.50"));

        it.assertThat(task).completes()
                .withStepResult("compute_totals", "vat", new BigDecimal("18.20"))
                .withStepResult("issue_invoice", "total", new BigDecimal("109.20"));
    }

    @Test
    void anOrderForACountryWeDoNotInvoiceInFailsAtValidationWithoutRetries() {
        TaskResponse task = it.run().create("billing", "invoice", Orders.of("C-9", "BR", "X", 1, "1.00"));

        it.assertThat(task).failsAt("validate_order");
    }
}
