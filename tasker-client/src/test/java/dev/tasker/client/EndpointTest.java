package dev.tasker.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void refusesUrlsThatCannotBeCalled() {
        assertThatThrownBy(() -> new Endpoint("orchestration", URI.create("ftp://host"), ONE_SECOND, ONE_SECOND))
                .hasMessage("orchestration URL must start with http:// or https://, got ftp://host");
        assertThatThrownBy(() -> new Endpoint("worker", URI.create("localhost:8081"), ONE_SECOND, ONE_SECOND))
                .hasMessageContaining("worker URL must start with http://");
        assertThatThrownBy(() -> new Endpoint("worker", URI.create("http:///x"), ONE_SECOND, ONE_SECOND))
                .hasMessageContaining("has no host");
    }

    @Test
    void refusesNonPositiveTimeouts() {
        URI url = URI.create("http://localhost:8080");
        assertThatThrownBy(() -> new Endpoint("orchestration", url, Duration.ZERO, ONE_SECOND))
                .hasMessageContaining("connect timeout must be positive");
        assertThatThrownBy(() -> new Endpoint("orchestration", url, ONE_SECOND, Duration.ofMillis(-5)))
                .hasMessageContaining("read timeout must be positive");
    }
}
