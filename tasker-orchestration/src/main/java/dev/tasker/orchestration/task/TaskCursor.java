package dev.tasker.orchestration.task;

import dev.tasker.runtime.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where the next page of {@code GET /v1/tasks} starts: after the last task of the page before, in the list's order
 * (created_at, then task_uuid, both descending). A page read from a cursor costs the same at any depth, and tasks
 * created meanwhile do not shift it. The page number travels along so the answer can still say which page it is.
 * Opaque to clients: base64url of {@code v1:<created_at in epoch microseconds>:<task_uuid>:<page>}.
 */
record TaskCursor(Instant createdAt, UUID taskUuid, int page) {

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 200;

    TaskCursor {
        // PostgreSQL keeps microseconds; a finer instant would not compare equal to the row it came from.
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = VERSION + ":" + micros + ":" + taskUuid + ":" + page;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a previous answer gave as {@code next_cursor}; anything else is a 400. */
    static TaskCursor decode(String value) {
        if (value.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            int page = Integer.parseInt(parts[3]);
            if (page < 2) {
                throw invalid();
            }
            return new TaskCursor(createdAt, UUID.fromString(parts[2]), page);
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("cursor is not one this service gave: pass the next_cursor of a previous"
                + " answer unchanged");
    }
}
