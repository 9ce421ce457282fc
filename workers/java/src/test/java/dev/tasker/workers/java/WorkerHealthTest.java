package dev.tasker.workers.java;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.tasker.worker.WorkerConfig;
import dev.tasker.worker.WorkerNamespaces;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkerHealthTest {

    @Inject
    WorkerConfig config;
    @Inject
    WorkerNamespaces namespaces;

    @Test
    void readyWithTheDatabaseReachable() {
        given().get("/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"));
    }

    /** Listed nowhere by hand: they are the namespaces of the ten shipped templates. */
    @Test
    void servesAllExampleNamespacesByDefault() {
        assertThat(config.worker().id()).isEqualTo("java-integration-worker");
        assertThat(config.namespaces()).isEmpty();
        assertThat(namespaces.list()).containsExactly("diamond_workflow", "failure_workflow", "linear_workflow",
                "mixed_dag_workflow", "order_fulfillment", "tree_workflow");
    }

    @Test
    void openApiDocumentIsTheWorkers() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertThat(doc).contains("Tasker worker API", "\"/health/ready\"");
    }
}
