package dev.tasker.client.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.error.NotFoundException;
import dev.tasker.client.error.TaskerApiException;
import dev.tasker.client.error.UnavailableException;
import dev.tasker.client.orchestration.OrchestrationApi;

/**
 * Error statuses for an entity-typed, a {@code Response}-typed and a health call, and what the REST client itself
 * must raise for them (its {@code ErrorStatusMapper}): the same for the generated client and {@code JdkHttpApi}.
 */
public final class ErrorAnswers {

    static final String NOT_FOUND = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"task " + Fixtures.TASK
            + " does not exist\"}}";
    static final String CONFLICT = "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"idempotency key k1 was used "
            + "for another request\"}}";
    static final String NOT_READY = "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\"}]}";

    private ErrorAnswers() {
    }

    public static void script(ScriptedServer server) {
        server.answer("GET /v1/tasks/" + Fixtures.TASK, 404, NOT_FOUND)
                .answer("POST /v1/tasks", 409, CONFLICT)
                .answer("GET /health/ready", 503, NOT_READY);
    }

    /** Calls {@code api} directly, without {@code ServiceCalls}: every error status arrives typed, body and all. */
    public static void assertRaisedTyped(OrchestrationApi api, String service) {
        assertThatThrownBy(() -> api.getTask(Fixtures.TASK)).isInstanceOf(NotFoundException.class)
                .hasMessage("task " + Fixtures.TASK + " does not exist")
                .satisfies(e -> assertFailure(e, service, "NOT_FOUND", 404, NOT_FOUND));
        TaskRequest request = TaskRequest.of("linear_workflow", "mathematical_sequence",
                JsonNodeFactory.instance.objectNode().put("even_number", 6)).withIdempotencyKey("k1");
        assertThatThrownBy(() -> api.createTask(request)).as("a Response-typed call")
                .isInstanceOf(ConflictException.class)
                .hasMessage("idempotency key k1 was used for another request")
                .satisfies(e -> assertFailure(e, service, "CONFLICT", 409, CONFLICT));
        assertThatThrownBy(api::ready).isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertFailure(e, service, "SERVICE_UNAVAILABLE", 503, NOT_READY));
    }

    private static void assertFailure(Throwable e, String service, String code, int status, String body) {
        TaskerApiException failure = (TaskerApiException) e;
        assertThat(failure.service()).isEqualTo(service);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo(body);
    }
}
