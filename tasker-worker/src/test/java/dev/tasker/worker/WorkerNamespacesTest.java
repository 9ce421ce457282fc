package dev.tasker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Where a worker's namespaces come from: its templates, unless TASKER_NAMESPACES lists them. */
class WorkerNamespacesTest {

    private static TaskTemplate template(String namespace, String name) {
        return new TaskTemplate(namespace, name, "1.0.0", "written by WorkerNamespacesTest", null,
                List.of(new StepTemplate("only", "does nothing", "test.noop", List.of(), null, null, null)));
    }

    private static final List<TaskTemplate> SHIPPED = List.of(template("orders", "fulfil"),
            template("billing", "invoice"), template("orders", "refund"), template("audit", "export"));

    @Test
    void withoutTheSettingTheNamespacesAreThoseOfTheTemplatesOnceEachInNameOrder() {
        WorkerNamespaces namespaces = new WorkerNamespaces(Optional.empty(), () -> SHIPPED);

        assertThat(namespaces.list()).containsExactly("audit", "billing", "orders");
    }

    @Test
    void theSettingOverridesTheTemplatesAsListedWithoutReadingThem() {
        Supplier<List<TaskTemplate>> unread = () -> {
            throw new AssertionError("the templates were read although TASKER_NAMESPACES is set");
        };

        WorkerNamespaces namespaces = new WorkerNamespaces(Optional.of(List.of("orders", "archive")), unread);

        // Fewer than the templates have, or one whose templates another process registers: exactly what is listed.
        assertThat(namespaces.list()).containsExactly("orders", "archive");
    }

    @Test
    void noTemplatesAndNoSettingStopsTheWorkerSayingWhatToDo() {
        assertThatThrownBy(() -> new WorkerNamespaces(Optional.empty(), List::of))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no templates")
                .hasMessageContaining("classpath:tasker/templates/")
                .hasMessageContaining("TASKER_TEMPLATE_PATH")
                .hasMessageContaining("TASKER_NAMESPACES");
    }

    @Test
    void theSettingAloneNeedsNoTemplates() {
        assertThat(new WorkerNamespaces(Optional.of(List.of("audit")), List::of).list()).containsExactly("audit");
    }
}
