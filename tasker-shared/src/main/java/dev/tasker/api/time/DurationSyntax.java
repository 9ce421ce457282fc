package dev.tasker.api.time;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a person writes a duration, wherever Tasker reads one (CLI options, the wait endpoint's
 * {@code ?timeout=}): a whole number with a unit, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h},
 * {@code 7d}, a bare number meaning seconds, or ISO-8601 such as {@code PT30S}. Each caller words its own error
 * and applies its own bounds, so this only says whether the text is a duration.
 */
public final class DurationSyntax {

    /** For error messages: what one may type. */
    public static final String EXAMPLES = "30, 30s, 500ms, 2m, 1h, 7d or PT30S";

    private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)?");

    private DurationSyntax() {
    }

    /** The duration, zero included; empty for anything else, a negative one too. */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        Matcher m = WITH_UNIT.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return iso(value).filter(d -> !d.isNegative());
    }

    private static Optional<Duration> iso(String value) {
        if (value.isEmpty() || Character.toUpperCase(value.charAt(0)) != 'P') {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
