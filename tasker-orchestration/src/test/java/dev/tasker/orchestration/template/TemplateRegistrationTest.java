package dev.tasker.orchestration.template;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.TestTemplates;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Templates are registered by workers at boot and are immutable per version. */
@QuarkusTest
class TemplateRegistrationTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void registerReplayAndRefuseAChangedDefinition() {
        Api api = new Api(mapper);
        String ns = TestTemplates.uniqueNamespace("tmpl");
        String body = api.write(TestTemplates.diamond(ns));

        given().contentType(ContentType.JSON).body(body).post("/v1/templates").then().statusCode(201)
                .header("Location", endsWith("/v1/templates/" + ns + "/diamond_pattern/1.0.0"));
        given().contentType(ContentType.JSON).body(body).post("/v1/templates").then().statusCode(200);
        // The same definition with its keys in another order is the same definition.
        com.fasterxml.jackson.databind.JsonNode original = api.json(body);
        java.util.List<String> names = new java.util.ArrayList<>();
        original.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        com.fasterxml.jackson.databind.node.ObjectNode reversed =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        names.forEach(n -> reversed.set(n, original.get(n)));
        String reordered = reversed.toString();
        assertThat(reordered).isNotEqualTo(body);
        given().contentType(ContentType.JSON).body(reordered).post("/v1/templates").then().statusCode(200);

        TaskTemplate changed = TestTemplates.template(ns, "diamond_pattern", "diamond_start", "diamond_end:diamond_start");
        given().contentType(ContentType.JSON).body(api.write(changed)).post("/v1/templates").then()
                .statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", containsString("immutable per version"));

        given().get("/v1/templates?namespace=" + ns).then().statusCode(200)
                .body("templates.name", hasItem("diamond_pattern"))
                .body("templates[0].step_names", hasItems("diamond_start", "diamond_end"));
        String stored = given().get("/v1/templates/" + ns + "/diamond_pattern/1.0.0").then().statusCode(200)
                .extract().asString();
        assertThat(api.read(stored, TaskTemplate.class)).isEqualTo(TestTemplates.diamond(ns));
        given().get("/v1/namespaces").then().statusCode(200)
                .body("namespaces.find { it.name == '" + ns + "' }.template_count", equalTo(1));
        given().get("/v1/templates/" + ns + "/diamond_pattern/2.0.0").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void tasksUseTheNewestVersionUnlessOneIsNamed() {
        Api api = new Api(mapper);
        String ns = TestTemplates.uniqueNamespace("versions");
        for (String v : new String[] {"1.0.0", "1.10.0", "1.9.0"}) {
            TaskTemplate t = TestTemplates.linear(ns);
            TaskTemplate versioned = new TaskTemplate(t.namespace(), t.name(), v, t.description(),
                    t.defaultContext(), t.steps());
            given().contentType(ContentType.JSON).body(api.write(versioned)).post("/v1/templates").then()
                    .statusCode(201);
        }
        assertThat(api.create(ns, "mathematical_sequence", Api.evenNumber(2)).version()).isEqualTo("1.10.0");
        assertThat(api.create(new dev.tasker.api.task.TaskRequest(ns, "mathematical_sequence", "1.9.0",
                Api.evenNumber(2), null, null, null, null, null, null, null)).version()).isEqualTo("1.9.0");
    }

    @Test
    void anInvalidTemplateIsRefusedWithEveryProblem() {
        given().contentType(ContentType.JSON).body("""
                {"namespace": "bad_tmpl", "name": "t", "version": "1.0.0", "steps": [
                  {"name": "a", "handler": "h", "dependencies": ["ghost"]},
                  {"name": "a", "handler": "h"}]}""")
                .post("/v1/templates").then().statusCode(400)
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.details", hasItems("step name 'a' is used more than once",
                        "step 'a' depends on unknown step 'ghost'"));
    }

    @Test
    void defaultContextIsMergedUnderTheRequestContext() {
        Api api = new Api(mapper);
        String ns = TestTemplates.uniqueNamespace("ctx");
        TaskTemplate t = TestTemplates.linear(ns);
        TaskTemplate withDefaults = new TaskTemplate(ns, t.name(), t.version(), null,
                api.json("{\"even_number\": 4, \"mode\": \"fast\"}"), t.steps());
        given().contentType(ContentType.JSON).body(api.write(withDefaults)).post("/v1/templates").then()
                .statusCode(201);
        var task = api.create(ns, t.name(), Api.evenNumber(8));
        assertThat(task.context().get("even_number").asInt()).isEqualTo(8);
        assertThat(task.context().get("mode").asText()).isEqualTo("fast");
    }
}
