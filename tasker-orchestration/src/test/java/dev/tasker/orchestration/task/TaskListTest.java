package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.template.TemplateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listing: every filter of the contract, every status value, and paging newest first. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListTest {

    @Inject
    TemplateStore templates;
    @Inject
    Db db;
    @Inject
    ObjectMapper mapper;

    Api api;
    String ns;
    final List<UUID> created = new ArrayList<>();
    final Map<TaskState, UUID> byState = new java.util.EnumMap<>(TaskState.class);
    Instant middle;

    // Not @BeforeAll: the HTTP test port is known only once the first test starts.
    @BeforeEach
    void createTasksOnce() {
        if (api != null) {
            return;
        }
        api = new Api(mapper);
        ns = TestTemplates.uniqueNamespace("list");
        templates.register(TestTemplates.linear(ns));
        templates.register(TestTemplates.diamond(ns));
        TaskState[] states = TaskState.values();
        for (int i = 0; i < states.length; i++) {
            if (i == states.length / 2) {
                middle = Instant.now();
            }
            String name = i % 2 == 0 ? "mathematical_sequence" : "diamond_pattern";
            TaskRequest request = new TaskRequest(ns, name, null, Api.evenNumber(2), "initiator-" + (i % 3),
                    "source-" + (i % 4), "listing", List.of("run-" + ns, "idx-" + i), i, "corr-" + ns + "-" + i,
                    null);
            UUID task = api.create(request).taskUuid();
            created.add(task);
            // The filter is what is tested here, so each task is put straight into one state.
            setStatus(task, states[i]);
            byState.put(states[i], task);
        }
    }

    @ParameterizedTest
    @EnumSource(TaskState.class)
    void everyStatusValueFilters(TaskState state) {
        TaskListResponse page = list("namespace=" + ns + "&status=" + state.wire());
        assertThat(page.tasks()).extracting(TaskSummary::taskUuid).containsExactly(byState.get(state));
        assertThat(page.tasks()).allSatisfy(t -> assertThat(t.status()).isEqualTo(state));
    }

    @Test
    void pagesAreNewestFirstWithoutGapsOrRepeats() {
        int total = created.size();
        List<UUID> seen = new ArrayList<>();
        int perPage = 5;
        int pages = (total + perPage - 1) / perPage;
        for (int p = 1; p <= pages; p++) {
            TaskListResponse page = list("namespace=" + ns + "&per_page=" + perPage + "&page=" + p);
            assertThat(page.pagination().totalCount()).isEqualTo(total);
            assertThat(page.pagination().totalPages()).isEqualTo(pages);
            assertThat(page.pagination().hasPrevious()).isEqualTo(p > 1);
            assertThat(page.pagination().hasNext()).isEqualTo(p < pages);
            page.tasks().forEach(t -> seen.add(t.taskUuid()));
        }
        List<UUID> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(list("namespace=" + ns + "&per_page=5&page=" + (pages + 1)).tasks()).isEmpty();
    }

    @Test
    void eachFieldFilters() {
        assertThat(list("namespace=" + ns + "&name=diamond_pattern&per_page=100").tasks())
                .isNotEmpty().allSatisfy(t -> assertThat(t.name()).isEqualTo("diamond_pattern"))
                .hasSize(created.size() / 2);
        assertThat(list("namespace=" + ns + "&initiator=initiator-1&per_page=100").tasks())
                .isNotEmpty().allSatisfy(t -> assertThat(t.initiator()).isEqualTo("initiator-1"));
        assertThat(list("namespace=" + ns + "&source_system=source-2&per_page=100").tasks())
                .isNotEmpty().allSatisfy(t -> assertThat(t.sourceSystem()).isEqualTo("source-2"));
        assertThat(list("correlation_id=corr-" + ns + "-3").tasks()).extracting(TaskSummary::taskUuid)
                .containsExactly(created.get(3));
        assertThat(list("tag=idx-4").tasks()).extracting(TaskSummary::taskUuid).containsExactly(created.get(4));
        assertThat(list("tag=run-" + ns + "&per_page=100").tasks()).hasSize(created.size());
        List<TaskSummary> after = list("namespace=" + ns + "&per_page=100&created_after=" + middle).tasks();
        List<TaskSummary> before = list("namespace=" + ns + "&per_page=100&created_before=" + middle).tasks();
        assertThat(after).allSatisfy(t -> assertThat(t.createdAt()).isAfter(middle));
        assertThat(before).allSatisfy(t -> assertThat(t.createdAt()).isBefore(middle));
        assertThat(after.size() + before.size()).isEqualTo(created.size());
        assertThat(after).isNotEmpty();
        assertThat(before).isNotEmpty();
        assertThat(list("namespace=" + ns + "&name=nothing").tasks()).isEmpty();
    }

    @Test
    void summariesCarryCountersAndDefaultsArePage1Of25() {
        TaskListResponse page = list("namespace=" + ns);
        assertThat(page.pagination().page()).isEqualTo(1);
        assertThat(page.pagination().perPage()).isEqualTo(25);
        TaskSummary any = page.tasks().get(0);
        assertThat(any.totalSteps()).isEqualTo(any.name().equals("diamond_pattern") ? 4 : 4);
        assertThat(any.tags()).contains("run-" + ns);
    }

    private TaskListResponse list(String query) {
        return api.read(given().get("/v1/tasks?" + query).then().statusCode(200).extract().asString(),
                TaskListResponse.class);
    }

    private void setStatus(UUID task, TaskState state) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasker_tasks SET status = ? WHERE task_uuid = ?")) {
                ps.setString(1, state.wire());
                ps.setObject(2, task);
                return ps.executeUpdate();
            }
        });
    }
}
