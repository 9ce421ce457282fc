package dev.tasker.orchestration.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointsTest {

    @Inject
    DataSource dataSource;

    @Test
    void healthNamesTheVersion() {
        given().get("/health").then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("version", equalTo("0.1.0-SNAPSHOT"))
                .body("timestamp", notNullValue());
    }

    @Test
    void readyReportsTheDatabaseCheckUp() {
        given().get("/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void detailedNamesEveryCheckWithItsDuration() {
        given().get("/health/detailed").then()
                .statusCode(200)
                .body("status", equalTo("healthy"))
                .body("checks.database.status", equalTo("healthy"))
                .body("checks.database.message", org.hamcrest.Matchers.startsWith("PostgreSQL "))
                .body("checks.dispatcher.message", equalTo("2 of 2 results consumers running"))
                .body("checks.queue_notifications.status", equalTo("healthy"))
                .body("checks.results_backlog.status", equalTo("healthy"))
                .body("checks.database.duration_ms", org.hamcrest.Matchers.greaterThanOrEqualTo(0))
                .body("info.version", equalTo("0.1.0-SNAPSHOT"));
    }

    @Test
    void readyIncludesTheDispatcher() {
        given().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'dispatcher' }.status", equalTo("UP"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void liveIsUp() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migrationsAreAppliedAtStart() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from flyway_schema_history where success and version = '1'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void openApiDocumentListsTheHealthPaths() {
        String doc = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertThat(doc).contains("\"/health/ready\"", "\"/health/live\"", "Tasker orchestration API");
    }

    @Test
    void metricsArePrometheusText() {
        String body = given().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(body).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPathIsAJsonNotFound() {
        given().get("/v1/no-such-thing").then()
                .statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", notNullValue());
    }
}
