package dev.tasker.testing;

import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Rewrites a test's failure so its message ends with where the diagnostics report is: the line Maven prints for
 * a failed test then leads straight to it. Expected and actual values, the cause and the stack trace are kept.
 */
final class Failures {

    private Failures() {
    }

    static Throwable pointingAt(Throwable failure, Path report) {
        String message = String.valueOf(failure.getMessage()) + "\ndiagnostics: " + report.toAbsolutePath();
        Throwable rewritten;
        if (failure instanceof AssertionFailedError f) {
            rewritten = f.isExpectedDefined() || f.isActualDefined()
                    ? new AssertionFailedError(message, value(f.getExpected()), value(f.getActual()),
                            f.getCause())
                    : new AssertionFailedError(message, f.getCause());
        } else if (failure instanceof AssertionError) {
            rewritten = new AssertionError(message, failure.getCause());
        } else {
            // Not an assertion (an exception from a client call, say): kept whole as the cause, while the trace
            // still starts where it was thrown.
            rewritten = new AssertionError(failure.getClass().getName() + ": " + message, failure);
        }
        rewritten.setStackTrace(failure.getStackTrace());
        for (Throwable s : failure.getSuppressed()) {
            rewritten.addSuppressed(s);
        }
        return rewritten;
    }

    private static Object value(ValueWrapper wrapper) {
        return wrapper == null ? null : wrapper.getEphemeralValue();
    }
}
