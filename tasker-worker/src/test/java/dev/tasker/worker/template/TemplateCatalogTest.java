package dev.tasker.worker.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.fixture.TestWorkerConfig;
import dev.tasker.worker.handler.HandlerRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog is what the worker's boot builds (WorkerLifecycle asks it for the templates on StartupEvent, so an
 * exception from its constructor stops the worker). Built here directly, with this test application's handler
 * beans and its templates (src/test), plus a TASKER_TEMPLATE_PATH directory holding the template under test. That
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
                    handler: test.square_input
                  - name: cube
                    handler: %s
                    dependencies: [square]
                """.formatted(name, secondHandler);
    }

    @Test
    void refusesAStepWhoseHandlerThisWorkerDoesNotHave() {
        Path file = dir.resolve("missing_handler.yaml");

        assertThatThrownBy(() -> catalogWith("missing_handler.yaml", template("missing_handler", "test.cube_parent")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("template catalog_test/missing_handler/1.0.0 (" + file
                        + ") step 'cube' names handler 'test.cube_parent'")
                // and what the worker does have, to spot a typo
                .hasMessageContaining("test.sum_parents");
    }

    @Test
    void addsTemplatesFromTheTemplatePathToTheShippedOnes() throws IOException {
        TemplateCatalog catalog = catalogWith("extra.yaml", template("extra", "test.sum_parents"));

        assertThat(catalog.templates()).extracting(TaskTemplate::key).hasSize(6)
                .contains("catalog_test/extra/1.0.0", "chain/four_steps/1.0.0");
        assertThat(catalog.handlerUse().get("test.sum_parents")).contains("catalog_test/extra/1.0.0:cube");
    }
}
