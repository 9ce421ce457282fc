package dev.tasker.orchestration.task;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskListResponse;
import dev.tasker.api.task.TaskRequest;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.runtime.db.Db;
import dev.tasker.runtime.db.Json;
import dev.tasker.runtime.template.TemplateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
    @Inject
    Json json;
    @Inject
    TaskRows rows;

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

    @Test
    void aCursorWalkReturnsThePagesOfAPageWalk() {
        int perPage = 4;
        List<TaskListResponse> byNumber = new ArrayList<>();
        List<TaskListResponse> byCursor = new ArrayList<>();
        TaskListResponse page = list("namespace=" + ns + "&per_page=" + perPage);
        byCursor.add(page);
        while (page.pagination().nextCursor() != null) {
            page = list("namespace=" + ns + "&per_page=" + perPage + "&cursor=" + page.pagination().nextCursor());
            byCursor.add(page);
        }
        for (int p = 1; p <= byCursor.size(); p++) {
            byNumber.add(list("namespace=" + ns + "&per_page=" + perPage + "&page=" + p));
        }
        assertThat(byCursor).hasSize((created.size() + perPage - 1) / perPage);
        for (int i = 0; i < byCursor.size(); i++) {
            TaskListResponse.Pagination cursor = byCursor.get(i).pagination();
            assertThat(byCursor.get(i).tasks()).extracting(TaskSummary::taskUuid)
                    .containsExactlyElementsOf(byNumber.get(i).tasks().stream().map(TaskSummary::taskUuid).toList());
            assertThat(cursor.page()).isEqualTo(i + 1);
            assertThat(cursor.hasPrevious()).isEqualTo(i > 0);
            assertThat(cursor.hasNext()).isEqualTo(i < byCursor.size() - 1);
            assertThat(cursor.totalCount()).isEqualTo(created.size());
            assertThat(cursor.totalCountExact()).isTrue();
        }
    }

    @Test
    void aCursorIsNotShiftedByTasksCreatedAfterIt() {
        String own = TestTemplates.uniqueNamespace("cursor");
        templates.register(TestTemplates.linear(own));
        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(api.create(new TaskRequest(own, "mathematical_sequence", null, Api.evenNumber(2), "cursor",
                    "cursor", "cursor", List.of(), 0, null, null)).taskUuid());
        }
        TaskListResponse first = list("namespace=" + own + "&per_page=2");
        assertThat(first.tasks()).extracting(TaskSummary::taskUuid).containsExactly(tasks.get(3), tasks.get(2));
        api.create(new TaskRequest(own, "mathematical_sequence", null, Api.evenNumber(2), "cursor", "cursor",
                "cursor", List.of(), 0, null, null));
        TaskListResponse second = list("namespace=" + own + "&per_page=2&cursor=" + first.pagination().nextCursor());
        assertThat(second.tasks()).extracting(TaskSummary::taskUuid).containsExactly(tasks.get(1), tasks.get(0));
        assertThat(second.pagination().page()).isEqualTo(2);
        assertThat(second.pagination().hasNext()).isFalse();
        assertThat(second.pagination().nextCursor()).isNull();
    }

    @Test
    void aCursorThisServiceDidNotGiveIsA400() {
        String pageOne = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:0:" + UUID.randomUUID() + ":1").getBytes(StandardCharsets.UTF_8));
        for (String bad : List.of("garbage!", "djE6eDp5OnoK", pageOne, "x".repeat(300))) {
            given().queryParam("cursor", bad).get("/v1/tasks").then().statusCode(400)
                    .body("error.code", equalTo("BAD_REQUEST"))
                    .body("error.message", containsString("next_cursor"));
        }
        String next = list("namespace=" + ns + "&per_page=2").pagination().nextCursor();
        given().queryParam("cursor", next).queryParam("page", 2).get("/v1/tasks").then().statusCode(400)
                .body("error.code", equalTo("BAD_REQUEST"))
                .body("error.message", containsString("page and cursor"));
    }

    @Test
    void pastTheExactCountLimitTheTotalIsAnEstimateAndPagingStillExact() {
        TaskReader reader = new TaskReader(db, json, rows, 3);
        TaskFilter filter = new TaskFilter(ns, null, null, null, null, null, null, null, null);
        TaskListResponse first = reader.list(filter, 1, 2, null);
        assertThat(first.pagination().totalCountExact()).isFalse();
        assertThat(first.pagination().totalCount()).isGreaterThanOrEqualTo(4);
        assertThat(first.pagination().hasNext()).isTrue();
        List<UUID> seen = new ArrayList<>(first.tasks().stream().map(TaskSummary::taskUuid).toList());
        TaskListResponse page = first;
        while (page.pagination().nextCursor() != null) {
            page = reader.list(filter, 1, 2, TaskCursor.decode(page.pagination().nextCursor()));
            page.tasks().forEach(t -> seen.add(t.taskUuid()));
        }
        List<UUID> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(reader.count(filter)).isEqualTo(created.size());
        TaskFilter one = new TaskFilter(ns, null, null, null, null, "corr-" + ns + "-3", null, null, null);
        assertThat(reader.list(one, 1, 2, null).pagination().totalCountExact()).isTrue();
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
