package dev.tasker.runtime.health;

/**
 * One check of {@code /health/detailed}. Services contribute their own as CDI beans. A failing critical check
 * makes the service unhealthy; a failing non-critical one makes it degraded.
 */
public interface DetailedCheck {

    /** The outcome: whether it passed, and a sentence for people. */
    record Result(boolean passed, String message) {
        public static Result pass(String message) {
            return new Result(true, message);
        }

        public static Result fail(String message) {
            return new Result(false, message);
        }
    }

    String name();

    boolean critical();

    /** Whether it queries the database: skipped while the database check fails, as it could only wait and fail. */
    default boolean needsDatabase() {
        return false;
    }

    Result run();
}
