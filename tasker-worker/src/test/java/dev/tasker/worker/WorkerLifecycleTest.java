package dev.tasker.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.runtime.registry.WorkerRegistry;
import dev.tasker.runtime.template.TemplateStore;
import dev.tasker.worker.consumer.StepConsumer;
import dev.tasker.worker.fixture.SecondWorker;
import dev.tasker.worker.template.TemplateCatalog;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Boot, heartbeat and shutdown of a worker, seen in the registry. A second lifecycle with its own worker id runs
 * beside the application's, driven by the test (its heartbeat is called, not scheduled), so every step is
 * deterministic and the application's own worker keeps running for the other tests. In this package because
 * the lifecycle's event methods are package-private.
 */
@QuarkusTest
class WorkerLifecycleTest {

    private static final String WORKER_ID = "lifecycle-test-worker";
    /** A namespace nobody sends to: this worker's consumer has nothing to do. */
    private static final String NAMESPACE = "lifecycle_test";
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @Inject
    SecondWorker secondWorker;
    @Inject
    TemplateCatalog catalog;
    @Inject
    TemplateStore templates;
    @Inject
    WorkerRegistry registry;

    private WorkerInfo registered() {
        return registry.get(WORKER_ID, STALE_AFTER).orElseThrow(() -> new AssertionError(WORKER_ID + " unknown"));
    }

    @Test
    void registersAtBootHeartbeatsAndDeregistersAtShutdown() {
        WorkerConfig config = secondWorker.config(WORKER_ID).withNamespaces(NAMESPACE);
        StepConsumer consumer = secondWorker.consumer(config);
        WorkerLifecycle lifecycle = new WorkerLifecycle(config, secondWorker.namespaces(config), catalog, templates,
                registry, consumer, "9.9.9-test");

        lifecycle.onStart(new StartupEvent());
        try {
            WorkerInfo booted = registered();
            assertThat(booted.status()).isEqualTo(WorkerInfo.ACTIVE);
            assertThat(booted.namespaces()).containsExactly(NAMESPACE);
            assertThat(booted.version()).isEqualTo("9.9.9-test");
            assertThat(booted.apiUrl()).isEqualTo(config.worker().apiUrl());
            assertThat(booted.deregisteredAt()).isNull();
            assertThat(consumer.status()).isEqualTo(StepConsumer.Status.RUNNING);
            // It reports its status from the start, so the registry can judge it without asking it.
            assertThat(booted.reported()).isNotNull();
            assertThat(booted.reported().health()).as(booted.reported().detail()).isEqualTo(ReportedHealth.HEALTHY);
            assertThat(booted.reported().status().status()).isEqualTo("running");
            assertThat(booted.reported().status().version()).isEqualTo("9.9.9-test");
            assertThat(booted.reported().heartbeatIntervalMs()).isEqualTo(config.worker().heartbeatInterval().toMillis());

            lifecycle.heartbeat();
            WorkerInfo beat = registered();
            assertThat(beat.lastHeartbeatAt()).isAfter(booted.lastHeartbeatAt());
            assertThat(beat.registeredAt()).isEqualTo(booted.registeredAt());

            registry.deregister(WORKER_ID);
            assertThat(registered().status()).isEqualTo(WorkerInfo.DEREGISTERED);
            assertThat(registered().deregisteredAt()).isNotNull();

            // Still running, so the next heartbeat finds itself missing and registers again.
            lifecycle.heartbeat();
            WorkerInfo back = registered();
            assertThat(back.status()).isEqualTo(WorkerInfo.ACTIVE);
            assertThat(back.registeredAt()).isAfter(booted.registeredAt());
        } finally {
            lifecycle.onStop(new ShutdownEvent());
        }

        assertThat(consumer.status()).isEqualTo(StepConsumer.Status.STOPPED);
        WorkerInfo gone = registered();
        assertThat(gone.status()).isEqualTo(WorkerInfo.DEREGISTERED);
        assertThat(gone.deregisteredAt()).isNotNull();
        assertThat(gone.reported().health()).isEqualTo(ReportedHealth.UNHEALTHY);
        assertThat(gone.reported().detail()).startsWith("deregistered at ");
        // A stopped worker sends no heartbeat, so nothing brings it back.
        lifecycle.heartbeat();
        assertThat(registered().status()).isEqualTo(WorkerInfo.DEREGISTERED);
    }
}
