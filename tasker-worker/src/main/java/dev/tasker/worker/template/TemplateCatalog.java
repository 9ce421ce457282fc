package dev.tasker.worker.template;

import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.handler.HandlerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The templates this worker runs, loaded and checked once at boot: every template parses and validates, and
 * every handler a step names exists in this worker. Anything wrong stops the worker with the reason.
 */
@ApplicationScoped
public class TemplateCatalog {

    private final List<TemplateLoader.Loaded> templates;

    public TemplateCatalog(WorkerConfig config, HandlerRegistry handlers) {
        this.templates = new TemplateLoader().load(Thread.currentThread().getContextClassLoader(),
                config.templatePath());
        List<String> missing = new ArrayList<>();
        for (TemplateLoader.Loaded loaded : templates) {
            for (StepTemplate step : loaded.template().steps()) {
                if (handlers.find(step.handler()).isEmpty()) {
                    missing.add("template " + loaded.template().key() + " (" + loaded.source() + ") step '"
                            + step.name() + "' names handler '" + step.handler() + "'");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no step handler bean for: " + String.join("; ", missing)
                    + ". Handlers in this worker: " + handlers.classes().keySet());
        }
    }

    public List<TaskTemplate> templates() {
        return templates.stream().map(TemplateLoader.Loaded::template).toList();
    }

    /** Handler name to the steps (namespace/name/version:step) that use it. */
    public Map<String, List<String>> handlerUse() {
        Map<String, List<String>> use = new TreeMap<>();
        for (TaskTemplate t : templates()) {
            for (StepTemplate s : t.steps()) {
                use.computeIfAbsent(s.handler(), h -> new ArrayList<>()).add(t.key() + ":" + s.name());
            }
        }
        return use;
    }
}
