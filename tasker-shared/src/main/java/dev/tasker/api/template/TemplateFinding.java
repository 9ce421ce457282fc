package dev.tasker.api.template;

/**
 * A problem of a template file, where an editor can jump to it: the file, the line (1-based) and the field
 * ({@code steps[2].retry.limit}, empty for the whole template or a syntax error).
 */
public record TemplateFinding(String source, int line, String field, String message) {

    /** {@code FILE:LINE: FIELD: MESSAGE}, the form compilers use. */
    public String describe() {
        return source + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
