package dev.tasker.workers.java.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.tasker.workers.java.TestHandlers;
import dev.tasker.workers.java.math.SquareInput;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The worker API (port 8081 in production) as the contract describes it, for the application as it booted. */
@QuarkusTest
class WorkerApiTest {

    private static final String[] NAMESPACES = {"linear_workflow", "diamond_workflow", "tree_workflow",
        "mixed_dag_workflow", "order_fulfillment", "failure_workflow"};

    @Test
    void status() {
        given().get("/status").then().statusCode(200)
                .body("worker_id", equalTo("java-integration-worker"))
                .body("status", equalTo("running"))
                .body("concurrency", equalTo(4))
                .body("namespaces", contains(NAMESPACES))
                .body("started_at", notNullValue())
                .body("in_flight", greaterThanOrEqualTo(0));
    }

    @Test
    void statusPerNamespace() {
        given().get("/status/namespaces").then().statusCode(200)
                .body("namespace", contains(NAMESPACES))
                .body("health_status", everyItem(equalTo("healthy")))
                .body("queue_depth", everyItem(greaterThanOrEqualTo(0)))
                .body("in_flight", everyItem(greaterThanOrEqualTo(0)));
    }

    @Test
    void handlersWithTheStepsThatUseThem() {
        given().get("/handlers").then().statusCode(200)
                .body("name", contains(TestHandlers.CLASSES.stream().map(TestHandlers::nameOf).sorted()
                        .toArray(String[]::new)))
                .body("find { it.name == 'math.square_input' }.handler_class", equalTo(SquareInput.class.getName()))
                .body("find { it.name == 'math.square_input' }.used_by", containsInAnyOrder(
                        "linear_workflow/mathematical_sequence/1.0.0:linear_step_1",
                        "linear_workflow/paced_sequence/1.0.0:linear_step_1",
                        "linear_workflow/sequence/1.0.0:linear_step_1",
                        "diamond_workflow/diamond_pattern/1.0.0:diamond_start",
                        "tree_workflow/hierarchical_tree/1.0.0:tree_root",
                        "mixed_dag_workflow/complex_dag/1.0.0:dag_init"));
    }

    @Test
    void theTenShippedTemplates() {
        given().get("/templates").then().statusCode(200)
                .body("templates", hasSize(10))
                .body("templates.findAll { it.namespace == 'linear_workflow' }.name",
                        containsInAnyOrder("mathematical_sequence", "paced_sequence", "sequence"))
                .body("templates.find { it.name == 'mathematical_sequence' }.step_names",
                        contains("linear_step_1", "linear_step_2", "linear_step_3", "linear_step_4"))
                .body("templates.findAll { it.namespace == 'failure_workflow' }.name",
                        containsInAnyOrder("flaky_task", "permanent_failure_task", "slow_task"));
    }

    @Test
    void readyIncludesTheRunningStepConsumer() {
        given().get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'step consumer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'step consumer' }.data.state", equalTo("running"));
    }
}
