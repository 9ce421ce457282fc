package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.client.ServiceCalls;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.orchestration.OrchestrationApi;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Task creation through the API: idempotency keys, and many tasks created at once all completing exactly. */
@QuarkusTest
class TaskApiIT {

    private static final int MANY = 200;
    /** Creating 200 tasks takes seconds; running their 800 steps on one worker with 4 slots, a few minutes at most. */
    private static final Duration MANY_FINISH = Duration.ofMinutes(4);

    @RegisterExtension
    final TaskerIntegration it = new TaskerIntegration();

    @Test
    void aRepeatedRequestWithTheSameKeyReturnsTheOriginalTaskAndADifferentOneConflicts() {
        TaskRequest request = it.run().mark(TaskRequest.of(Template.LINEAR.namespace(), Template.LINEAR.name(),
                Contexts.evenNumber(6)).withIdempotencyKey(it.run().id() + "-key"));
        // The raw API, because the status code (201 then 200) is part of the contract the client hides.
        OrchestrationApi api = it.stack().orchestration().endpoint().client(OrchestrationApi.class);
        try {
            TaskResponse first = created(api.createTask(request), Response.Status.CREATED);
            it.run().track(first.taskUuid());
            TaskResponse replay = created(api.createTask(request), Response.Status.OK);
            assertThat(replay.taskUuid()).as("the replay answers with the original task").isEqualTo(first.taskUuid());

            TaskRequest different = it.run().mark(TaskRequest.of(Template.LINEAR.namespace(),
                    Template.LINEAR.name(), Contexts.evenNumber(8)).withIdempotencyKey(request.idempotencyKey()));
            assertThatThrownBy(() -> api.createTask(different)).as("the same key with another request")
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.body()).contains("\"code\":\"CONFLICT\"");
                    });
        } finally {
            ServiceCalls.closeQuietly(api);
        }
        // The client library turns the same outcomes into the original task and a typed exception.
        assertThat(it.stack().orchestration().createTask(request).taskUuid())
                .isEqualTo(it.run().tasks().get(0));
        assertThatThrownBy(() -> it.stack().orchestration().createTask(it.run().mark(TaskRequest.of(
                Template.LINEAR.namespace(), Template.LINEAR.name(), Contexts.evenNumber(8))
                .withIdempotencyKey(request.idempotencyKey())))).isInstanceOf(ConflictException.class);
        assertThat(it.run().ownTasks()).as("tasks carrying this run's tag: one, however often it was requested")
                .extracting(TaskSummary::taskUuid).containsExactly(it.run().tasks().get(0));
    }

    @Test
    void twoHundredTasksCreatedConcurrentlyAllCompleteWithTheirExactResults() {
        LinearBatch batch = LinearBatch.create(it.run(), MANY, 16);
        assertThat(batch.tasks()).as("distinct tasks created").hasSize(MANY);

        batch.assertCompleteWithExactResults(it.run().awaitTerminal(batch.tasks(), MANY_FINISH));
        assertThat(it.run().ownTasks()).as("the list endpoint, filtered by this run's tag")
                .hasSize(MANY).allSatisfy(t -> assertThat(t.status()).isEqualTo(TaskState.COMPLETE));
    }

    private static TaskResponse created(Response response, Response.Status expected) {
        try (response) {
            assertThat(response.getStatus()).as("HTTP status of the create").isEqualTo(expected.getStatusCode());
            return response.readEntity(TaskResponse.class);
        }
    }
}
