package dev.tasker.worker;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.worker.template.TemplateCatalog;
import dev.tasker.worker.template.TemplateLoader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The namespaces whose queues this worker consumes: those of the templates it loaded, unless
 * {@code tasker.namespaces} ({@code TASKER_NAMESPACES}) lists them. Taken from the templates, a worker's
 * namespaces cannot drift from what it can run, and its image, compose file and properties need not repeat them.
 */
@ApplicationScoped
public class WorkerNamespaces {

    private final List<String> names;

    @Inject
    public WorkerNamespaces(WorkerConfig config, TemplateCatalog catalog) {
        this(config.namespaces(), catalog::templates);
    }

    WorkerNamespaces(Optional<List<String>> configured, Supplier<List<TaskTemplate>> templates) {
        this.names = configured.map(List::copyOf).orElseGet(() -> ofTemplates(templates.get()));
    }

    /** In the order {@code tasker.namespaces} lists them, or the templates' namespaces in name order. */
    public List<String> list() {
        return names;
    }

    private static List<String> ofTemplates(List<TaskTemplate> templates) {
        List<String> namespaces = templates.stream().map(TaskTemplate::namespace)
                .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
        if (namespaces.isEmpty()) {
            // Consuming nothing, the worker would look healthy and never run a step.
            throw new IllegalStateException("this worker loaded no templates to take its namespaces from: ship "
                    + "templates under classpath:" + TemplateLoader.CLASSPATH_DIR + " or in TASKER_TEMPLATE_PATH, or "
                    + "list the namespaces in TASKER_NAMESPACES");
        }
        return namespaces;
    }
}
