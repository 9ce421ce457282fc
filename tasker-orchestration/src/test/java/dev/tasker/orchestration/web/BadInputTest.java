package dev.tasker.orchestration.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.runtime.template.TemplateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input never produces a 500: each case gets its 4xx and a JSON error naming the problem. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    static final String NS = "bad_input_ns";

    @Inject
    TemplateStore templates;

    record Case(String name, String method, String path, String contentType, String body, int status, String code,
            String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void template() {
        templates.register(TestTemplates.linear(NS));
    }

    static String task(String fields) {
        return "{\"namespace\": \"" + NS + "\", \"name\": \"mathematical_sequence\"" + fields + "}";
    }

    static List<Case> cases() {
        String json = "application/json";
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        String big = task(", \"context\": {\"blob\": \"" + "x".repeat(1_100_000) + "\"}");
        String largeContext = "{\"blob\": \"" + "x".repeat(70_000) + "\"}";
        String overJackson = "[".repeat(1_500) + "]".repeat(1_500);
        UUID random = UUID.randomUUID();
        return List.of(
                // Found by ApiFuzzIT: PostgreSQL cannot store NUL, which surfaced as a 500.
                new Case("NUL in a path segment", "GET", "/v1/templates/" + NS + "/x/nul%00inside", json, null, 400, "BAD_REQUEST", "NUL character"),
                new Case("NUL in a text field", "POST", "/v1/tasks", json, task(", \"initiator\": \"a\\u0000b\""), 400, "BAD_REQUEST", "NUL character"),
                new Case("NUL in the context", "POST", "/v1/tasks", json, task(", \"context\": {\"even_number\": 2, \"note\": \"a\\u0000b\"}"), 400, "BAD_REQUEST", "NUL character"),
                new Case("malformed JSON", "POST", "/v1/tasks", json, "{\"namespace\": ", 400, "JSON_ERROR", "malformed JSON: line 1, column 15: the JSON ends inside an object: expected '}'"),
                new Case("array instead of object", "POST", "/v1/tasks", json, "[1, 2]", 400, "JSON_ERROR", "must be a JSON object"),
                new Case("empty body", "POST", "/v1/tasks", json, "", 400, "BAD_REQUEST", "request body is required"),
                new Case("namespace missing", "POST", "/v1/tasks", json, "{\"name\": \"x\"}", 400, "BAD_REQUEST", "namespace is required"),
                new Case("name blank", "POST", "/v1/tasks", json, "{\"namespace\": \"" + NS + "\", \"name\": \" \"}", 400, "BAD_REQUEST", "name is required"),
                new Case("priority not an integer", "POST", "/v1/tasks", json, task(", \"priority\": \"high\""), 400, "JSON_ERROR", "field 'priority' must be an integer"),
                new Case("priority out of range", "POST", "/v1/tasks", json, task(", \"priority\": 5000"), 400, "BAD_REQUEST", "priority must be from"),
                new Case("context a string", "POST", "/v1/tasks", json, task(", \"context\": \"abc\""), 400, "BAD_REQUEST", "context must be a JSON object, got a string"),
                new Case("context an array", "POST", "/v1/tasks", json, task(", \"context\": [1]"), 400, "BAD_REQUEST", "context must be a JSON object, got an array"),
                new Case("context too deep", "POST", "/v1/tasks", json, task(", \"context\": " + deep), 400, "BAD_REQUEST", "nested deeper than"),
                new Case("context over 64 KiB", "POST", "/v1/tasks", json, task(", \"context\": " + largeContext), 413, "PAYLOAD_TOO_LARGE", "context is 70011 bytes as JSON, more than the limit of 65536 bytes"),
                new Case("body nested past the parser's limit", "POST", "/v1/tasks", json, task(", \"context\": {\"a\": " + overJackson + "}"), 400, "JSON_ERROR", "field 'context': it is nested 1001 levels deep, more than the limit of 1000"),
                new Case("tags not a list", "POST", "/v1/tasks", json, task(", \"tags\": 7"), 400, "JSON_ERROR", "field 'tags'"),
                new Case("too many tags", "POST", "/v1/tasks", json, task(", \"tags\": " + tags(40)), 400, "BAD_REQUEST", "at most 32 tags"),
                new Case("unknown field", "POST", "/v1/tasks", json, task(", \"contxt\": {}"), 400, "JSON_ERROR", "unknown field 'contxt'"),
                new Case("idempotency key too long", "POST", "/v1/tasks", json, task(", \"idempotency_key\": \"" + "k".repeat(300) + "\""), 400, "BAD_REQUEST", "idempotency_key"),
                new Case("version malformed", "POST", "/v1/tasks", json, task(", \"version\": \"1.x\""), 400, "BAD_REQUEST", "version '1.x' must look like 1.0.0"),
                new Case("unknown namespace", "POST", "/v1/tasks", json, "{\"namespace\": \"nope_ns\", \"name\": \"x\"}", 404, "NOT_FOUND", "namespace 'nope_ns' is not registered"),
                new Case("unknown template", "POST", "/v1/tasks", json, "{\"namespace\": \"" + NS + "\", \"name\": \"nope\"}", 404, "NOT_FOUND", "no template named 'nope'"),
                new Case("unknown version", "POST", "/v1/tasks", json, task(", \"version\": \"9.9.9\""), 404, "NOT_FOUND", "has no version '9.9.9' (registered: 1.0.0)"),
                new Case("body over the limit", "POST", "/v1/tasks", json, big, 413, "PAYLOAD_TOO_LARGE", "larger than the limit"),
                new Case("wrong media type", "POST", "/v1/tasks", "text/plain", "hello", 415, "UNSUPPORTED_MEDIA_TYPE", ""),
                new Case("method not allowed", "PUT", "/v1/tasks", json, "{}", 405, "METHOD_NOT_ALLOWED", ""),
                new Case("task id not a uuid", "GET", "/v1/tasks/not-a-uuid", null, null, 400, "INVALID_UUID", "task_uuid 'not-a-uuid' is not a UUID"),
                new Case("unknown task", "GET", "/v1/tasks/" + random, null, null, 404, "NOT_FOUND", "task " + random + " not found"),
                new Case("cancel id not a uuid", "DELETE", "/v1/tasks/123", null, null, 400, "INVALID_UUID", "is not a UUID"),
                new Case("cancel unknown task", "DELETE", "/v1/tasks/" + random, null, null, 404, "NOT_FOUND", "not found"),
                new Case("step id not a uuid", "GET", "/v1/tasks/" + random + "/workflow_steps/zzz", null, null, 400, "INVALID_UUID", "step_uuid 'zzz'"),
                new Case("per_page zero", "GET", "/v1/tasks?per_page=0", null, null, 400, "BAD_REQUEST", "per_page must be an integer from 1 to 100"),
                new Case("per_page over 100", "GET", "/v1/tasks?per_page=101", null, null, 400, "BAD_REQUEST", "per_page must be an integer from 1 to 100, got '101'"),
                new Case("page not a number", "GET", "/v1/tasks?page=first", null, null, 400, "BAD_REQUEST", "page must be an integer"),
                new Case("unknown status", "GET", "/v1/tasks?status=done", null, null, 400, "BAD_REQUEST", "status 'done' is not a task state"),
                new Case("bad timestamp", "GET", "/v1/tasks?created_after=yesterday", null, null, 400, "BAD_REQUEST", "created_after must be an ISO-8601 timestamp"),
                new Case("resolution data over 64 KiB", "PATCH", "/v1/tasks/" + random + "/workflow_steps/" + random, json, "{\"resolved_by\": \"ops\", \"resolution_data\": " + largeContext + "}", 413, "PAYLOAD_TOO_LARGE", "resolution_data is 70011 bytes as JSON"),
                new Case("resolution data too deep", "PATCH", "/v1/tasks/" + random + "/workflow_steps/" + random, json, "{\"resolved_by\": \"ops\", \"resolution_data\": " + deep + "}", 400, "BAD_REQUEST", "resolution_data is nested deeper than 32 levels"),
                new Case("resolution without body", "PATCH", "/v1/tasks/" + random + "/workflow_steps/" + random, json, "", 400, "BAD_REQUEST", "request body is required"),
                new Case("bad worker id", "GET", "/v1/workers/bad id!", null, null, 400, "BAD_REQUEST", "worker_id 'bad id!'"),
                new Case("worker without namespaces", "PUT", "/v1/workers/w1", json, "{\"namespaces\": []}", 400, "BAD_REQUEST", "namespaces must list at least one"),
                new Case("template with a cycle", "POST", "/v1/templates", json,
                        "{\"namespace\": \"cyc\", \"name\": \"c\", \"version\": \"1.0.0\", \"steps\": ["
                                + "{\"name\": \"a\", \"handler\": \"h\", \"dependencies\": [\"b\"]},"
                                + "{\"name\": \"b\", \"handler\": \"h\", \"dependencies\": [\"a\"]}]}",
                        400, "BAD_REQUEST", "dependency cycle"),
                new Case("unknown route", "GET", "/v1/nothing-here", null, null, 404, "NOT_FOUND", ""));
    }

    static String tags(int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        return sb.append(']').toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsStatusAndCode(Case c) {
        RequestSpecification request = given();
        if (c.contentType() != null) {
            request = request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request = request.body(c.body());
        }
        if (c.path().contains("%")) {
            request = request.urlEncodingEnabled(false); // the case's path is encoded already
        }
        request.request(c.method(), c.path()).then()
                .statusCode(c.status())
                .contentType(containsString("application/json"))
                .body("error.code", equalTo(c.code()))
                .body("error.message", containsString(c.messagePart()));
    }
}
