package dev.tasker.api.template;

/**
 * One thing wrong with a template: the field it is about, as a JSON pointer into the template document
 * ({@code /steps/2/retry/limit}; empty for the whole template), and what is wrong, as a sentence.
 */
public record TemplateProblem(String field, String message) {

    /** The field as a person reads it: {@code steps[2].retry.limit}. */
    public String fieldPath() {
        StringBuilder path = new StringBuilder();
        for (String segment : field.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            }
        }
        return path.toString();
    }
}
