package dev.tasker.worker.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.tasker.worker.fixture.SleepHandler;
import dev.tasker.worker.fixture.SquareInputHandler;
import dev.tasker.worker.fixture.SumParentsHandler;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The worker API (port 8081 in production) as the contract describes it, for the test application as it booted:
 * its handlers and templates are those of src/test.
 */
@QuarkusTest
class WorkerApiTest {

    /** Those of the test templates, in name order: the test application does not list them. */
    private static final String[] NAMESPACES = {"chain", "diamond", "mixed_dag", "timeout", "tree"};

    @Test
    void status() {
        given().get("/status").then().statusCode(200)
                .body("worker_id", equalTo("tasker-worker-test"))
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
                .body("name", contains(SleepHandler.NAME, SquareInputHandler.NAME, SumParentsHandler.NAME))
                .body("find { it.name == 'test.square_input' }.handler_class",
                        equalTo(SquareInputHandler.class.getName()))
                .body("find { it.name == 'test.square_input' }.used_by", containsInAnyOrder(
                        "chain/four_steps/1.0.0:step_1",
                        "diamond/fan_out_fan_in/1.0.0:start",
                        "mixed_dag/crossing_branches/1.0.0:init",
                        "tree/two_levels/1.0.0:root"))
                .body("find { it.name == 'test.sleep' }.used_by",
                        contains("timeout/sleep_two_second_limit/1.0.0:sleep_step"));
    }

    @Test
    void theFiveTestTemplates() {
        given().get("/templates").then().statusCode(200)
                .body("templates", hasSize(5))
                .body("templates.namespace", containsInAnyOrder(NAMESPACES))
                .body("templates.find { it.name == 'four_steps' }.step_names",
                        contains("step_1", "step_2", "step_3", "step_4"))
                .body("templates.find { it.namespace == 'diamond' }.step_names",
                        contains("start", "left", "right", "end"));
    }

    @Test
    void readyIncludesTheRunningStepConsumer() {
        given().get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'step consumer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'step consumer' }.data.state", equalTo("running"));
    }
}
