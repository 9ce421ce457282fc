package dev.tasker.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

class JsonLimitsTest {

    final ObjectMapper mapper = new ObjectMapper();

    JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    /** {"s":"xxx..."} of exactly {@code bytes} bytes. */
    JsonNode objectOfBytes(int bytes) throws Exception {
        return json("{\"s\":\"" + "x".repeat(bytes - 8) + "\"}");
    }

    static String nested(int levels) {
        return "{\"a\":".repeat(levels - 1) + "{}" + "}".repeat(levels - 1);
    }

    @Test
    void measuresTheSerializedUtf8Bytes() throws Exception {
        assertThat(JsonLimits.serializedBytes(objectOfBytes(100))).isEqualTo(100);
        assertThat(JsonLimits.serializedBytes(json("{\"s\":\"\u00e9\"}"))).isEqualTo(10);
    }

    @Test
    void acceptsUpTo64KiB() throws Exception {
        assertThatCode(() -> JsonLimits.check("context", objectOfBytes(65_536))).doesNotThrowAnyException();
    }

    @Test
    void refusesOneByteMoreWith413() throws Exception {
        JsonNode big = objectOfBytes(65_537);
        assertThatThrownBy(() -> JsonLimits.check("context", big))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE))
                .hasMessage("context is 65537 bytes as JSON, more than the limit of 65536 bytes");
    }

    @Test
    void acceptsThirtyTwoLevelsAndRefusesThirtyThreeWith400() throws Exception {
        assertThat(JsonLimits.depth(json(nested(32)))).isEqualTo(32);
        assertThatCode(() -> JsonLimits.check("context", json(nested(32)))).doesNotThrowAnyException();
        JsonNode deep = json(nested(33));
        assertThatThrownBy(() -> JsonLimits.check("resolution_data", deep))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessage("resolution_data is nested deeper than 32 levels");
    }

    @Test
    void nothingToCheckInAbsentOrNullValues() throws Exception {
        assertThatCode(() -> JsonLimits.check("context", null)).doesNotThrowAnyException();
        assertThatCode(() -> JsonLimits.check("context", json("null"))).doesNotThrowAnyException();
    }
}
