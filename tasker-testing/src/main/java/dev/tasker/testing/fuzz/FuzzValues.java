package dev.tasker.testing.fuzz;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The values that break services: edges of every type, text no one expects, and the wrong type altogether. */
final class FuzzValues {

    private static final List<String> STRINGS = List.of("", " ", "\u0000", "nul\u0000inside", "\t\r\n", "\u202eevil",
            "😀🚀", "ß\u0301", "\uFFFF", "\uD800", "é".repeat(300), "x".repeat(10_000), "-1", "0", "1e400",
            "99999999999999999999999999", "-9223372036854775809", "NaN", "Infinity", "null", "true", "[]", "{}",
            "'; DROP TABLE tasker_tasks; --", "../../../etc/passwd", "%00", "%2F", "<script>alert(1)</script>",
            "${jndi:ldap://x/a}", "2026-13-45T25:61:61Z", "P99999999D", "-PT1S", "1s", "0ms", "999999999999h",
            UUID.randomUUID().toString().toUpperCase(), "00000000-0000-0000-0000-000000000000", "not-a-uuid");
    private static final List<String> NUMBERS = List.of("0", "-0", "-1", "1", "2147483648", "-2147483649",
            "9223372036854775808", "1e400", "-1e400", "1.5", "0.000000000000000000001", "1E+2", "12345678901234567890.5");
    private static final List<String> JSON = List.of("null", "true", "false", "[]", "{}", "\"\"", "[null]",
            "{\"\":null}", "[[[[[[[[[[]]]]]]]]]]", "\"\\u0000\"", "\"\\ud800\"");

    private final Random random;

    FuzzValues(Random random) {
        this.random = random;
    }

    String string() {
        return pick(STRINGS);
    }

    String number() {
        return pick(NUMBERS);
    }

    /** A JSON value of any type, as text: for a field that expects another. */
    String anyJson() {
        return switch (random.nextInt(3)) {
            case 0 -> quoted(string());
            case 1 -> number();
            default -> pick(JSON);
        };
    }

    /** A value for a path segment or query parameter: usually plausible, often not. */
    String parameter(String type, String format) {
        if (random.nextInt(3) == 0) {
            return random.nextBoolean() ? string() : number();
        }
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        return switch (type == null ? "string" : type) {
            case "integer", "number" -> String.valueOf(random.nextInt(200) - 50);
            case "boolean" -> String.valueOf(random.nextBoolean());
            default -> "date-time".equals(format) ? "2026-01-31T12:00:00Z" : "fuzz_" + random.nextInt(1000);
        };
    }

    static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
