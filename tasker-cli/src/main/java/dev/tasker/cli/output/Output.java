package dev.tasker.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tasker.client.json.JsonMappers;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * Where a command's result goes: stdout carries only the result (a table, or exactly one JSON or YAML document);
 * progress, notes and errors go to stderr, so {@code tasker-cli -o json ... | jq} always works.
 */
public final class Output {

    private final OutputFormat format;
    private final Style style;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Made on first use: a command prints in one format, so it builds one mapper, not three. */
    private ObjectMapper json;
    private ObjectMapper jsonLine;
    private ObjectMapper yaml;

    public Output(OutputFormat format, Style style, PrintWriter out, PrintWriter err) {
        this.format = format;
        this.style = style;
        this.out = out;
        this.err = err;
    }

    public OutputFormat format() {
        return format;
    }

    public Style style() {
        return style;
    }

    /** Prints the result: serialised as it is for JSON and YAML, through {@code table} otherwise. */
    public <T> void print(T result, Function<T, String> table) {
        out.print(render(result, table));
        out.flush();
    }

    /** A list result: with -o jsonl each of its items on a line of its own, otherwise as {@link #print}. */
    public <T> void printItems(T result, List<?> items, Function<T, String> table) {
        if (format != OutputFormat.JSONL) {
            print(result, table);
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Object item : items) {
            lines.append(line(item));
        }
        out.print(lines);
        out.flush();
    }

    public <T> String render(T result, Function<T, String> table) {
        return switch (format) {
            case JSONL -> line(result);
            default -> document(result, table);
        };
    }

    private String line(Object value) {
        try {
            if (jsonLine == null) {
                jsonLine = JsonMappers.json();
            }
            return jsonLine.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the result as " + format.wire(), e);
        }
    }

    private <T> String document(T result, Function<T, String> table) {
        try {
            return switch (format) {
                case JSON -> json().writeValueAsString(result) + "\n";
                case YAML -> yaml().writeValueAsString(result);
                case TABLE -> table.apply(result);
                case JSONL -> line(result);
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the result as " + format.wire(), e);
        }
    }

    private ObjectMapper json() {
        if (json == null) {
            json = JsonMappers.json().enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    private ObjectMapper yaml() {
        if (yaml == null) {
            yaml = JsonMappers.yaml();
        }
        return yaml;
    }

    /** One bare value on stdout whatever the format, e.g. the id of {@code task create --quiet} for a script. */
    public void value(String value) {
        out.println(value);
        out.flush();
    }

    /** A result shown as it changes: frames redrawn in place on stdout (only for a terminal). */
    public LiveView liveView() {
        return new LiveView(out);
    }

    /** One line of a result that is printed as it happens, e.g. each change 'task watch' sees. */
    public void line(String line) {
        out.println(line);
        out.flush();
    }

    /** One item of a result printed as it happens, as a JSON line (-o jsonl). */
    public void jsonLine(Object item) {
        out.print(line(item));
        out.flush();
    }

    /** A note for people (stderr), never mixed into the result. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    public PrintWriter err() {
        return err;
    }
}
