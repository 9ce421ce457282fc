package dev.tasker.testing;

import dev.tasker.api.task.TaskResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The integration tests' JUnit extension. Register it as an instance field, so each test gets its own
 * {@link TestRun}:
 * <pre>{@code @RegisterExtension final TaskerIntegration it = new TaskerIntegration();}</pre>
 * The {@link TaskerStack} is shared by every test of the JVM (kept in the root store of the JUnit run), and
 * waits for the stack to be ready when first used. When a test or one of its before/after methods fails, a
 * {@link DiagnosticsReport} is written and the failure's message is extended with the report's path.
 */
public final class TaskerIntegration implements BeforeEachCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TaskerIntegration.class);

    private TestRun run;

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionContext.Store shared = context.getRoot().getStore(NAMESPACE);
        run = new TestRun("it-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                () -> shared.computeIfAbsent(StackAttempt.class, type -> StackAttempt.of(() -> readyStack(shared)),
                        StackAttempt.class).stack());
    }

    /** This test's run: its id, its tasks and the waits. */
    public TestRun run() {
        if (run == null) {
            throw new IllegalStateException("no test is running: use TaskerIntegration from test methods, as an "
                    + "instance field annotated @RegisterExtension");
        }
        return run;
    }

    public TaskerStack stack() {
        return run().stack();
    }

    /** Assertions on one of this test's tasks: {@code it.assertThat(task).completes().withStepResult(...)}. */
    public TaskAssert assertThat(TaskResponse task) {
        return run().assertThat(task);
    }

    /**
     * The run's stack, ready: the one Dev Services started, or, for a worker project ({@link KitSettings}), one
     * the kit starts when none runs yet, kept in the root store so that it is removed when the JUnit run ends.
     */
    private static TaskerStack readyStack(ExtensionContext.Store shared) {
        KitSettings settings = KitSettings.fromSystemProperties();
        ComposeProject project = ComposeProject.ofThisRun();
        if (settings.startsItsOwnStack() && project.containers().isEmpty()) {
            OwnStack started = OwnStack.start(project, settings);
            if (!Boolean.getBoolean(KitSettings.KEEP_STACK)) {
                shared.put(OwnStack.class, started);
            }
        }
        TaskerStack stack = new TaskerStack(project, settings.workerId());
        stack.awaitReady(TaskerStack.READY_TIMEOUT);
        return stack;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withReport(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withReport(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        throw withReport(context, failure);
    }

    private Throwable withReport(ExtensionContext context, Throwable failure) {
        try {
            Path report = new DiagnosticsReport(ComposeProject.ofThisRun()).write(testName(context),
                    run == null ? "-" : run.id(), run == null ? Instant.EPOCH : run.started(),
                    run == null ? List.of() : run.tasks(), failure);
            return Failures.pointingAt(failure, report);
        } catch (RuntimeException reportFailed) {
            // The test's own failure matters more than the report's.
            failure.addSuppressed(reportFailed);
            return failure;
        }
    }

    /** E.g. TaskerCliIT.Tasks.createAndWait, plus the invocation's display name for parameterized tests. */
    static String testName(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        String className = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        String method = context.getTestMethod().map(m -> m.getName()).orElse("class");
        String display = context.getDisplayName();
        boolean plain = display.equals(method + "()") || display.startsWith(method + "(");
        return className + "." + method + (plain ? "" : "-" + display);
    }
}
