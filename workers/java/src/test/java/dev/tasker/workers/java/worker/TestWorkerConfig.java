package dev.tasker.workers.java.worker;

import dev.tasker.worker.WorkerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The application's configuration with another identity: lets a test run a second consumer (or lifecycle, or
 * catalog) beside the application's own, as a second worker process would.
 */
public final class TestWorkerConfig implements WorkerConfig {

    private final WorkerConfig base;
    private final String workerId;
    private final List<String> namespaces;
    private final Optional<Path> templatePath;
    private final int concurrency;

    private TestWorkerConfig(WorkerConfig base, String workerId, List<String> namespaces,
            Optional<Path> templatePath, int concurrency) {
        this.base = base;
        this.workerId = workerId;
        this.namespaces = List.copyOf(namespaces);
        this.templatePath = templatePath;
        this.concurrency = concurrency;
    }

    /** Same namespaces and settings as {@code base}, another worker id. */
    public static TestWorkerConfig of(WorkerConfig base, String workerId) {
        return new TestWorkerConfig(base, workerId, base.namespaces(), base.templatePath(),
                base.worker().concurrency());
    }

    public TestWorkerConfig withNamespaces(String... namespaces) {
        return new TestWorkerConfig(base, workerId, List.of(namespaces), templatePath, concurrency);
    }

    public TestWorkerConfig withTemplatePath(Path directory) {
        return new TestWorkerConfig(base, workerId, namespaces, Optional.of(directory), concurrency);
    }

    public TestWorkerConfig withConcurrency(int slots) {
        return new TestWorkerConfig(base, workerId, namespaces, templatePath, slots);
    }

    @Override
    public Worker worker() {
        Worker worker = base.worker();
        return new Worker() {
            @Override
            public String id() {
                return workerId;
            }

            @Override
            public int concurrency() {
                return concurrency;
            }

            @Override
            public String apiUrl() {
                return worker.apiUrl();
            }

            @Override
            public Duration visibilityTimeout() {
                return worker.visibilityTimeout();
            }

            @Override
            public Duration fallbackPoll() {
                return worker.fallbackPoll();
            }

            @Override
            public Duration shutdownGrace() {
                return worker.shutdownGrace();
            }

            @Override
            public Duration bootTimeout() {
                return worker.bootTimeout();
            }

            @Override
            public Duration heartbeatInterval() {
                return worker.heartbeatInterval();
            }
        };
    }

    @Override
    public List<String> namespaces() {
        return namespaces;
    }

    @Override
    public Optional<Path> templatePath() {
        return templatePath;
    }

    @Override
    public String env() {
        return base.env();
    }
}
