package dev.tasker.orchestration.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.task.TaskRequest;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.json.CanonicalJson;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request hash as the service computes it, with the service's own JSON mapper: tasks created by earlier
 * versions keep their hash, so a repeat of their request with their idempotency key still replays them.
 */
@QuarkusTest
class RequestHashTest {

    @Inject
    Json json;

    @Test
    void theHashOfAKnownRequestIsPinned() throws Exception {
        TaskRequest request = new TaskRequest("billing", "monthly_invoice", null, json.mapper().readTree("""
                {"invoice": {"total": 209.97, "shipping": 5.00, "lines": [{"sku": "b", "qty": 2}]}, "vip": true}"""),
                "tester", null, null, List.of("monthly"), 3, null, null);
        // sha256 of {"context":{"invoice":{"lines":[{"qty":2,"sku":"b"}],"shipping":5.00,"total":209.97},"vip":true},
        // "initiator":"tester","name":"monthly_invoice","namespace":"billing","priority":3,"tags":["monthly"]}
        assertThat(CanonicalJson.sha256(json.mapper(), request))
                .isEqualTo("402eaa639727a1a6d550b20d773158c8857d8df1e4c08dfd62720bbf0778a663");
    }
}
