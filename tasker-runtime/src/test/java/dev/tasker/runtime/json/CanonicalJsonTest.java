package dev.tasker.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.task.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final ObjectMapper mapper = ExactNumbers.apply(new ObjectMapper());

    /** Keys out of order at every level, exact decimals, an integer past 64 bits, nulls, escapes, non-ASCII. */
    private static final String CONTEXT = """
            {"order": {"total": 209.97, "shipping": 5.00, "id": 18446744073709551621,
                       "lines": [{"sku": "b-2", "qty": 1, "price": 0.10}, {"qty": 3, "sku": "a-1", "price": 1e2}]},
             "customer": {"name": "Zoë \\"Z\\" Ünal", "note": null, "vip": true},
             "amount": -0.000120}""";

    private JsonNode context(String text) throws Exception {
        return mapper.readTree(text);
    }

    /**
     * Idempotency keys stored by earlier versions carry these hashes: computed by the hand-written key sorting of
     * 9ebf117, they must never change.
     */
    @Test
    void theHashOfAKnownRequestIsPinned() throws Exception {
        TaskRequest request = new TaskRequest("billing", "monthly_invoice", "1.0.0", context(CONTEXT), "tester",
                "tests", "pinning", List.of("b", "a"), 2, "corr-1", null);
        assertThat(CanonicalJson.sha256(mapper, request))
                .isEqualTo("03735ccca632ad64843751866b96077d1ebf65656fb7129543faba570b99b891");
        assertThat(CanonicalJson.sha256(mapper, context(CONTEXT)))
                .isEqualTo("96a1ccc1c01baa95b8e02d2ac08f840f78d0112b9d7294e9abe0e0c50db39cf3");
    }

    @Test
    void keyOrderDoesNotChangeTheHash() throws Exception {
        String sorted = """
                {"a": 2, "b": {"x": [{"p": 2, "q": 1}], "y": 1}}""";
        String shuffled = """
                {"b": {"y": 1, "x": [{"q": 1, "p": 2}]}, "a": 2}""";
        assertThat(CanonicalJson.sha256(mapper, context(shuffled)))
                .isEqualTo(CanonicalJson.sha256(mapper, context(sorted)));
    }

    @Test
    void decimalsKeepTheirScaleAndArraysTheirOrder() throws Exception {
        assertThat(CanonicalJson.sha256(mapper, context("{\"a\": 5.00}")))
                .isNotEqualTo(CanonicalJson.sha256(mapper, context("{\"a\": 5.0}")));
        assertThat(CanonicalJson.sha256(mapper, context("[1, 2]")))
                .isNotEqualTo(CanonicalJson.sha256(mapper, context("[2, 1]")));
    }

    @Test
    void nothingHashesAsJsonNull() throws Exception {
        assertThat(CanonicalJson.sha256(mapper, null)).isEqualTo(CanonicalJson.sha256(mapper, context("null")));
    }
}
