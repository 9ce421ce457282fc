package dev.tasker.client.orchestration;

import dev.tasker.api.template.TaskTemplate;

/** The outcome of registering a template: {@code created} false when this exact definition was there already. */
public record RegisteredTemplate(TaskTemplate template, boolean created) {
}
