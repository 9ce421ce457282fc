package dev.tasker.orchestration.support;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.step.StepResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TransitionResponse;
import dev.tasker.testing.Poll;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The orchestration's HTTP API as tests use it, reading bodies with the service's own JSON mapping. */
public final class Api {

    private final ObjectMapper mapper;

    public Api(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public TaskResponse create(String namespace, String name, JsonNode context) {
        return create(TaskRequest.of(namespace, name, context));
    }

    public TaskResponse create(TaskRequest request) {
        String body = given().contentType(ContentType.JSON).body(write(request)).post("/v1/tasks")
                .then().statusCode(201).extract().asString();
        return read(body, TaskResponse.class);
    }

    public TaskResponse get(UUID task) {
        return read(given().get("/v1/tasks/" + task).then().statusCode(200).extract().asString(), TaskResponse.class);
    }

    public TaskResponse awaitState(UUID task, TaskState state, Duration timeout) {
        return Poll.of("task " + task + " to be " + state.wire(), () -> get(task))
                .until(t -> t.status() == state, timeout);
    }

    /** The task's transitions and its steps', oldest first. */
    public List<TransitionResponse> transitions(UUID task) {
        String body = given().get("/v1/tasks/" + task + "/transitions").then().statusCode(200).extract().asString();
        return Arrays.asList(read(body, TransitionResponse[].class));
    }

    /** Step states by name. */
    public Map<String, StepState> stepStates(UUID task) {
        return get(task).steps().stream().collect(Collectors.toMap(StepResponse::name, StepResponse::currentState));
    }

    public JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode evenNumber(int n) {
        return JsonNodeFactory.instance.objectNode().put("even_number", n);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public <T> T read(String body, Class<T> type) {
        try {
            return mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + body, e);
        }
    }
}
