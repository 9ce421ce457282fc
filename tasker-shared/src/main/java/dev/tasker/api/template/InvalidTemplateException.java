package dev.tasker.api.template;

import java.util.List;

/** A template that cannot run, with every reason. */
public class InvalidTemplateException extends RuntimeException {

    private final List<String> problems;

    public InvalidTemplateException(TaskTemplate template, List<String> problems) {
        super("template " + template.key() + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
