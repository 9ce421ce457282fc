package dev.tasker.workers.java.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.worker.handler.StepContext;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.Json;
import dev.tasker.workers.java.StepContexts;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReserveInventoryTest {

    private final ReserveInventory handler = new ReserveInventory();

    @Test
    void reservesEachItemUnderTheTasksReservation() {
        JsonNode result = handler.handle(StepContexts.of("reserve_inventory", OrderContexts.upstream()));

        assertThat(result).isEqualTo(Json.parse("""
                {"reservation_id": "RES-A1B2C3D4",
                 "reserved_items": [{"sku": "WIDGET-001", "quantity": 2}, {"sku": "GADGET-002", "quantity": 1}]}
                """));
    }

    @Test
    void refusesItemsThatAreNotValid() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> handler.handle(
                StepContexts.of("reserve_inventory", OrderContexts.upstreamWith(o -> o.putArray("items")))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("items");
    }

    @Test
    void needsATaskUuid() {
        StepContext noUuid = new StepContext(null, null, "order_fulfillment", "business_workflow", "1.0.0",
                "reserve_inventory", OrderContexts.upstream(), Map.of(), 1, 3, Instant.now(), null);

        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> handler.handle(noUuid));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("task uuid");
    }
}
