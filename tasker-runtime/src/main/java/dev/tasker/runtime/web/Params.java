package dev.tasker.runtime.web;

import dev.tasker.api.error.ErrorCode;
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

    /** {@code 30} (seconds), {@code 30s}, {@code 500ms} or {@code 2m}, from 1 ms up to {@code max}. */
    public static java.time.Duration duration(String name, String value, java.time.Duration defaultValue,
            java.time.Duration max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m)?").matcher(value.trim());
        java.time.Duration d = null;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            d = switch (unit) {
                case "ms" -> java.time.Duration.ofMillis(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                default -> java.time.Duration.ofSeconds(n);
            };
        }
        if (d == null || d.isZero() || d.compareTo(max) > 0) {
            throw ApiException.badRequest(name + " must be a duration from 1ms to " + max.toSeconds()
                    + "s such as 30, 30s or 500ms, got '" + value + "'");
        }
        return d;
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
