package dev.tasker.workers.java.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.worker.handler.StepFailure;
import dev.tasker.workers.java.StepContexts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ShipOrderTest {

    /** 23:30 UTC on 10 March is already 11 March in Kiritimati (UTC+14): the date must still be UTC's. */
    private final ShipOrder handler = new ShipOrder(
            Clock.fixed(Instant.parse("2025-03-10T23:30:00Z"), ZoneId.of("Pacific/Kiritimati")));

    private JsonNode ship(String method) {
        return handler.handle(StepContexts.of("ship_order", OrderContexts.upstreamWith(
                o -> ((ObjectNode) o.get("shipping")).put("method", method))));
    }

    @Test
    void expressGoesNextDayAir() {
        JsonNode result = ship("express");

        assertThat(result.get("carrier").textValue()).isEqualTo("UPS");
        assertThat(result.get("service").textValue()).isEqualTo("Next Day Air");
        assertThat(result.get("estimated_delivery").textValue()).isEqualTo("2025-03-11");
    }

    @Test
    void anythingElseGoesGround() {
        JsonNode result = ship("overnight-by-pigeon");

        assertThat(result.get("service").textValue()).isEqualTo("Ground");
        assertThat(result.get("estimated_delivery").textValue()).isEqualTo("2025-03-15");
    }

    @Test
    void trackingNumberComesFromTheStepUuid() {
        // StepContexts.STEP_UUID is 0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9: its first 16 hex digits, upper case.
        assertThat(ship("standard").get("tracking_number").textValue()).isEqualTo("1Z0F1E2D3C4B5A4978");
    }

    @Test
    void refusesAnOrderWithoutShipping() {
        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> handler.handle(StepContexts.of("ship_order",
                OrderContexts.upstreamWith(o -> o.remove("shipping")))));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorType()).isEqualTo("validation_error");
        assertThat(failure.getMessage()).contains("shipping");
    }
}
