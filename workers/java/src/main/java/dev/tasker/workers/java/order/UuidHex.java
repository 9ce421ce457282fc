package dev.tasker.workers.java.order;

import dev.tasker.worker.handler.StepFailure;
import java.util.Locale;
import java.util.UUID;

/** Reference numbers derived from the task's or step's uuid, so a retried step issues the same reference. */
final class UuidHex {

    private UuidHex() {
    }

    /** The first {@code count} hex digits of the uuid (dashes skipped), upper case. */
    static String prefix(UUID uuid, int count, String what) {
        if (uuid == null) {
            throw StepFailure.permanent("invalid_input", "the step context has no " + what
                    + ", which this step needs to derive its reference number");
        }
        return uuid.toString().replace("-", "").substring(0, count).toUpperCase(Locale.ROOT);
    }
}
