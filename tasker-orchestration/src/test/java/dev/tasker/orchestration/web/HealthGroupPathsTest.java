package dev.tasker.orchestration.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The detailed checks are a SmallRye Health group, served behind system:read and not at SmallRye's open path. */
@QuarkusTest
class HealthGroupPathsTest {

    @Test
    void theDetailedGroupIsNotServedWithoutCredentials() {
        for (String path : new String[] {"/q/health/group/detailed", "/q/health/group"}) {
            given().get(path).then()
                    .statusCode(404)
                    .body("error.code", equalTo("NOT_FOUND"));
        }
    }

    @Test
    void theStandardProbesStayServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
