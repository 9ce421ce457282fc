package dev.tasker.orchestration.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the database out of reach the service stays live but is not ready, and says which check failed. */
@QuarkusTest
@TestProfile(UnreachableDatabaseTest.NoDatabase.class)
class UnreachableDatabaseTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.devservices.enabled", "false",
                    // Port 1 on loopback: nothing listens, the connection is refused at once.
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/tasker",
                    "quarkus.datasource.username", "tasker",
                    "quarkus.datasource.password", "tasker",
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }

    @Test
    void readyIs503WithTheFailingDatabaseCheck() {
        given().get("/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN"));
    }

    @Test
    void detailedIsUnhealthyAndSaysWhy() {
        given().get("/health/detailed").then()
                .statusCode(503)
                .body("status", equalTo("unhealthy"))
                .body("checks.database.status", equalTo("unhealthy"))
                .body("checks.database.message", org.hamcrest.Matchers.startsWith("not reachable"));
    }

    @Test
    void liveAndHealthStayUp() {
        given().get("/health/live").then().statusCode(200);
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"));
        given().get("/health/ready").then().body("checks.status", hasItem("DOWN"));
    }
}
