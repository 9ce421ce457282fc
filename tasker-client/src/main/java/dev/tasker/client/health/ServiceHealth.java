package dev.tasker.client.health;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.time.Duration;

/** The outcome of probing one service's readiness: healthy, or why not in one line. */
@RegisterForReflection
@JsonPropertyOrder({"service", "url", "healthy", "reachable", "detail", "elapsed_ms"})
public record ServiceHealth(String service, URI url, boolean healthy, boolean reachable, String detail,
        @JsonIgnore Duration elapsed) {

    @JsonProperty("elapsed_ms")
    public long elapsedMs() {
        return elapsed.toMillis();
    }
}
