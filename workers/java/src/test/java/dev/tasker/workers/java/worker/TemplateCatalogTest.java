package dev.tasker.workers.java.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.handler.HandlerRegistry;
import dev.tasker.worker.template.TemplateCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog is what the worker's boot builds (WorkerLifecycle asks it for the templates on StartupEvent, so an
 * exception from its constructor stops the worker). Built here directly, with this application's real handler
 * beans and the shipped templates, plus a TASKER_TEMPLATE_PATH directory holding the template under test. That
 * observes the refusal and its message without having to start (and watch fail) a second application.
 */
@QuarkusTest
class TemplateCatalogTest {

    @Inject
    WorkerConfig config;
    @Inject
    HandlerRegistry handlers;

    @TempDir
    Path dir;

    private TemplateCatalog catalogWith(String fileName, String yaml) throws IOException {
        Files.writeString(dir.resolve(fileName), yaml);
        return new TemplateCatalog(TestWorkerConfig.of(config, "catalog-test").withTemplatePath(dir), handlers);
    }

    private static String template(String name, String secondHandler) {
        return """
                namespace: catalog_test
                name: %s
                version: "1.0.0"
                steps:
                  - name: square
                    handler: math.square_input
                  - name: cube
                    handler: %s
                    dependencies: [square]
                """.formatted(name, secondHandler);
    }

    @Test
    void refusesAStepWhoseHandlerThisWorkerDoesNotHave() {
        Path file = dir.resolve("missing_handler.yaml");

        assertThatThrownBy(() -> catalogWith("missing_handler.yaml", template("missing_handler", "math.cube_parent")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("template catalog_test/missing_handler/1.0.0 (" + file
                        + ") step 'cube' names handler 'math.cube_parent'")
                // and what the worker does have, to spot a typo
                .hasMessageContaining("math.square_parent");
    }

    @Test
    void addsTemplatesFromTheTemplatePathToTheShippedOnes() throws IOException {
        TemplateCatalog catalog = catalogWith("extra.yaml", template("extra", "math.square_parent"));

        assertThat(catalog.templates()).extracting(TaskTemplate::key).hasSize(11)
                .contains("catalog_test/extra/1.0.0", "linear_workflow/mathematical_sequence/1.0.0");
        assertThat(catalog.handlerUse().get("math.square_parent")).contains("catalog_test/extra/1.0.0:cube");
    }
}
