package dev.tasker.testing;

import java.util.function.Supplier;

/**
 * The run's one attempt to get a ready stack, kept for every later test: when it failed, each of them fails at
 * once with that cause instead of spending minutes on an attempt of its own.
 */
record StackAttempt(TaskerStack ready, RuntimeException failure) {

    static StackAttempt of(Supplier<TaskerStack> attempt) {
        try {
            return new StackAttempt(attempt.get(), null);
        } catch (RuntimeException e) {
            return new StackAttempt(null, e);
        } catch (AssertionError e) {
            return new StackAttempt(null, new IllegalStateException(e.getMessage(), e));
        }
    }

    TaskerStack stack() {
        if (failure != null) {
            throw new IllegalStateException("no stack for this test run: " + failure.getMessage(), failure);
        }
        return ready;
    }
}
