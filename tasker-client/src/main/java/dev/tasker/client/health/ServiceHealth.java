package dev.tasker.client.health;

import java.net.URI;
import java.time.Duration;

/** The outcome of probing one service's readiness: healthy, or why not in one line. */
public record ServiceHealth(String service, URI url, boolean healthy, boolean reachable, String detail,
        Duration elapsed) {
}
