package dev.tasker.api.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a piece of JSON, in the words of whoever wrote it: where (line, column), what was expected,
 * which limit was passed. Jackson's own messages name its internals ({@code StreamReadConstraints}, a redacted
 * source, character codes); the services' 400 answers and the CLI's input checks both say it this way instead.
 */
public final class JsonSyntaxError {

    private record Rewrite(Pattern pattern, String replacement) {
        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private static final Pattern NESTING = Pattern.compile(
            "Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern LIMIT = Pattern.compile(
            "(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum (?:allowed )?\\((\\d+)");

    // Applied in order to the first line of Jackson's message.
    private static final List<Rewrite> REWRITES = List.of(
            new Rewrite(Pattern.compile("\\(start marker at \\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; "
                    + "line: (\\d+), column: (\\d+)\\]\\)"), "(opened at line $1, column $2)"),
            new Rewrite(Pattern.compile("Unexpected end-of-input: expected close marker for Array"),
                    "the JSON ends before an array is closed: expected ']'"),
            new Rewrite(Pattern.compile("Unexpected end-of-input: expected close marker for Object"),
                    "the JSON ends before an object is closed: expected '}'"),
            new Rewrite(Pattern.compile("Unexpected end-of-input within/between Object entries"),
                    "the JSON ends inside an object: expected '}'"),
            new Rewrite(Pattern.compile("Unexpected end-of-input within/between Array entries"),
                    "the JSON ends inside an array: expected ']'"),
            new Rewrite(Pattern.compile("Unexpected end-of-input(?: in [^:]*)?(?::.*)?"),
                    "the JSON ends too early"),
            new Rewrite(Pattern.compile("No content to map due to end-of-input"), "there is no JSON (the input is empty)"),
            new Rewrite(Pattern.compile("\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)"),
                    "a string, number, array, object, true, false or null"),
            new Rewrite(Pattern.compile("^Illegal (?:unquoted )?character \\(\\(CTRL-CHAR, code \\d+\\)\\)"),
                    "an illegal control character"),
            new Rewrite(Pattern.compile(" \\(code \\d+\\)"), ""),
            new Rewrite(Pattern.compile("\\s*\\[Source: [^\\]]*\\]"), ""),
            new Rewrite(Pattern.compile(",? from `[A-Za-z.]+\\(\\)`"), ""),
            new Rewrite(Pattern.compile(" \\(`[A-Za-z.]+` (?:disabled|enabled)\\)"), ""),
            new Rewrite(Pattern.compile("^Unexpected character"), "unexpected character"),
            new Rewrite(Pattern.compile("^Unrecognized token"), "unrecognized word"));

    private JsonSyntaxError() {
    }

    /** E.g. "line 1, column 11: the JSON ends before an array is closed: expected ']' (opened at line 1, column 7)". */
    public static String describe(JacksonException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        String limit = limit(original);
        if (limit != null) {
            // A limit is passed wherever the input grows too big: its position says nothing useful.
            return limit;
        }
        JsonLocation at = e.getLocation();
        String what = rewrite(original);
        return at != null && at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what
                : what;
    }

    /** The parser's limit passed, in words; null when the message is about something else. */
    private static String limit(String original) {
        Matcher nesting = NESTING.matcher(original);
        if (nesting.find()) {
            return "it is nested " + nesting.group(1) + " levels deep, more than the limit of " + nesting.group(2);
        }
        Matcher length = LIMIT.matcher(original);
        if (length.find()) {
            String what = switch (length.group(1)) {
                case "String value" -> "a string";
                case "Number value" -> "a number";
                default -> "a field name";
            };
            return what + " is " + length.group(2) + " characters long, more than the limit of " + length.group(3);
        }
        return null;
    }

    private static String rewrite(String text) {
        String result = text;
        for (Rewrite rewrite : REWRITES) {
            result = rewrite.apply(result);
        }
        return result.strip();
    }
}
