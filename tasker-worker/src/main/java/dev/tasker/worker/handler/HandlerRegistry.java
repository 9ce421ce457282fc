package dev.tasker.worker.handler;

import io.quarkus.arc.InjectableBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The step handlers of this worker, by the {@code @Named} name templates refer to them by. */
@ApplicationScoped
public class HandlerRegistry {

    private final Map<String, StepHandler> byName = new TreeMap<>();
    private final Map<String, String> classes = new TreeMap<>();

    public HandlerRegistry(@Any Instance<StepHandler> handlers) {
        for (Instance.Handle<StepHandler> handle : handlers.handles()) {
            String name = handle.getBean().getName();
            if (name == null) {
                throw new IllegalStateException("step handler " + handle.getBean().getBeanClass().getName()
                        + " has no @Named name, so no template can refer to it");
            }
            StepHandler previous = byName.putIfAbsent(name, handle.get());
            if (previous != null) {
                throw new IllegalStateException("two step handlers are named '" + name + "': "
                        + classes.get(name) + " and " + handle.getBean().getBeanClass().getName());
            }
            classes.put(name, handle.getBean() instanceof InjectableBean<?> b
                    ? b.getImplementationClass().getName() : handle.getBean().getBeanClass().getName());
        }
    }

    public Optional<StepHandler> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Handler name to implementation class, sorted by name. */
    public Map<String, String> classes() {
        return Map.copyOf(classes);
    }
}
