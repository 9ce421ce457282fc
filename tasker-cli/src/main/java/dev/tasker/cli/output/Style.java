package dev.tasker.cli.output;

import java.util.Set;

/**
 * ANSI colours for states in tables and progress lines, or none at all: when colours are off (--no-color,
 * NO_COLOR, colored_output = false, or not a terminal) every method returns its text unchanged.
 */
public record Style(boolean color) {

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String YELLOW = "\u001B[33m";
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private static final Set<String> GOOD = Set.of("complete", "resolved_manually", "healthy", "ready", "active",
            "all_complete", "running", "up");
    private static final Set<String> BAD = Set.of("error", "cancelled", "unhealthy", "blocked_by_failures", "failed",
            "deregistered", "stale", "down", "unreachable");

    public static Style plain() {
        return new Style(false);
    }

    /** Colours a state word by what it means: green done or healthy, red failed, yellow anything in between. */
    public String state(String text) {
        if (!color || text == null || text.isBlank()) {
            return text;
        }
        // Table cells arrive padded: colour the word only, so the padding keeps the columns aligned.
        String word = text.strip();
        int start = text.indexOf(word);
        String colour = GOOD.contains(word) ? GREEN : BAD.contains(word) ? RED : YELLOW;
        return text.substring(0, start) + colour + word + RESET + text.substring(start + word.length());
    }

    public String bold(String text) {
        return color ? BOLD + text + RESET : text;
    }
}
