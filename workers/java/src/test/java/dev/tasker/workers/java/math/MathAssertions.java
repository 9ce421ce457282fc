package dev.tasker.workers.java.math;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tasker.workers.java.Json;
import java.math.BigInteger;
import java.util.Map;

/** Checks that a step produced exactly {@code {"result": <expected>}} as a JSON integer. */
final class MathAssertions {

    private MathAssertions() {
    }

    static void assertResult(Map<String, JsonNode> results, String step, BigInteger expected) {
        assertThat(results).containsKey(step);
        JsonNode result = results.get(step);
        assertThat(result.size()).as("%s result fields", step).isEqualTo(1);
        assertThat(result.get("result").isIntegralNumber()).as("%s result is a JSON integer", step).isTrue();
        assertThat(result.get("result").bigIntegerValue()).as("%s result", step).isEqualTo(expected);
        // The stored text must carry every digit, not a rounded float or a quoted string.
        assertThat(Json.write(result)).as("%s as JSON", step).isEqualTo("{\"result\":" + expected + "}");
    }

    static void assertResult(Map<String, JsonNode> results, String step, String expected) {
        assertResult(results, step, new BigInteger(expected));
    }

    static void assertResult(Map<String, JsonNode> results, String step, long expected) {
        assertResult(results, step, BigInteger.valueOf(expected));
    }

    /** N raised to {@code exponent}, computed independently of the handlers. */
    static BigInteger pow(int n, int exponent) {
        return BigInteger.valueOf(n).pow(exponent);
    }
}
