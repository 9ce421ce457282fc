package dev.tasker.runtime.web;

import dev.tasker.api.error.ErrorCode;
import dev.tasker.api.time.DurationSyntax;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses path and query parameters with errors that name the parameter (never a 404 for a bad UUID). */
public final class Params {

    private Params() {
    }

    public static UUID uuid(String name, String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.INVALID_UUID, name + " '" + value + "' is not a UUID");
        }
    }

    public static int intInRange(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer from " + min + " to " + max + ", got '"
                    + value + "'");
        }
    }

    /** A duration as {@link DurationSyntax} reads it, from 1 ms up to {@code max}. */
    public static Duration duration(String name, String value, Duration defaultValue, Duration max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return DurationSyntax.parse(value)
                .filter(d -> d.compareTo(Duration.ofMillis(1)) >= 0 && d.compareTo(max) <= 0)
                .orElseThrow(() -> ApiException.badRequest(name + " must be a duration from 1ms to "
                        + max.toSeconds() + "s such as 30, 30s, 500ms or PT30S, got '" + value + "'"));
    }

    /** ISO-8601 with an offset, e.g. 2026-01-31T12:00:00Z. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 timestamp such as 2026-01-31T12:00:00Z, got '"
                    + value + "'");
        }
    }
}
