package dev.tasker.examples.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.worker.handler.StepContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Orders and step contexts for the handlers' unit tests. */
final class Orders {

    static final UUID TASK = UUID.fromString("5d41402a-bc4b-4a76-b971-9d911017c592");

    /** Two lines for a German customer: 3 x 19.99 + 1 x 5.00 = 64.97, VAT 19 % = 12.34, total 77.31. */
    static final String GERMAN = """
            {"customer": {"id": "C-1001", "country": "DE"},
             "lines": [{"sku": "BOOK-1", "quantity": 3, "unit_price": 19.99},
                       {"sku": "PEN-7", "quantity": 1, "unit_price": 5.00}]}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Orders() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StepContext step(String name, String order, Map<String, JsonNode> parents) {
        return new StepContext(TASK, UUID.randomUUID(), "billing", "invoice", "1.0.0", name, json(order), parents, 1,
                3, Instant.now().plusSeconds(10), null);
    }
}
