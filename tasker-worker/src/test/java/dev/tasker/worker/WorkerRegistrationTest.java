package dev.tasker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.runtime.registry.WorkerRegistry;
import dev.tasker.testing.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The running application's entry in the worker registry. The test profile heartbeats every second
 * (src/test/resources/application.properties), so a heartbeat shows within a few seconds.
 */
@QuarkusTest
class WorkerRegistrationTest {

    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @Inject
    WorkerConfig config;
    @Inject
    WorkerNamespaces namespaces;
    @Inject
    WorkerRegistry registry;

    private WorkerInfo registered() {
        return registry.get(config.worker().id(), STALE_AFTER)
                .orElseThrow(() -> new AssertionError(config.worker().id() + " is not in the registry"));
    }

    @Test
    void theWorkerRegisteredAtBootAndHeartbeats() {
        WorkerInfo first = registered();

        assertThat(first.workerId()).isEqualTo("tasker-worker-test");
        assertThat(first.status()).isEqualTo(WorkerInfo.ACTIVE);
        assertThat(first.deregisteredAt()).isNull();
        assertThat(first.namespaces()).containsExactlyElementsOf(namespaces.list());
        assertThat(first.apiUrl()).isEqualTo(config.worker().apiUrl());
        assertThat(first.startedAt()).isNotNull();
        Poll.of("a heartbeat after " + first.lastHeartbeatAt(), this::registered)
                .until(w -> w.lastHeartbeatAt().isAfter(first.lastHeartbeatAt()) && w.deregisteredAt() == null,
                        Duration.ofSeconds(10));
    }

    /**
     * An operator (or a lost registry row) deregisters a worker that still runs: its next heartbeat registers it
     * again. A new registered_at shows both that the deregistration took effect and that the worker came back.
     */
    @Test
    void aRunningWorkerThatWasDeregisteredRegistersAgainOnItsNextHeartbeat() {
        WorkerInfo before = registered();

        registry.deregister(config.worker().id());

        WorkerInfo after = Poll.of("registered again by a heartbeat", this::registered)
                .until(w -> w.registeredAt().isAfter(before.registeredAt()), Duration.ofSeconds(10));
        assertThat(after.status()).isEqualTo(WorkerInfo.ACTIVE);
        assertThat(after.deregisteredAt()).isNull();
    }
}
