package dev.tasker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.worker.ReportedHealth;
import dev.tasker.api.worker.WorkerInfo;
import dev.tasker.api.worker.WorkerListResponse;
import dev.tasker.api.worker.WorkerStatus;
import dev.tasker.client.json.JsonMappers;
import dev.tasker.client.scripted.Fixtures;
import dev.tasker.client.scripted.ScriptedServer;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The commands end to end, in-process, against a scripted orchestration and worker (no Docker). */
@QuarkusMainTest
class CliCommandsTest {

    private static final String ID = Fixtures.TASK.toString();
    private static final String TASK_PATH = "/v1/tasks/" + ID;

    private final ObjectMapper json = JsonMappers.json();
    private ScriptedServer server;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LaunchResult run(QuarkusMainLauncher launcher, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--orchestration-url";
        all[args.length + 1] = server.url().toString();
        all[args.length + 2] = "--worker-url";
        all[args.length + 3] = server.url().toString();
        return launcher.launch(all);
    }

    private String body(Object value) throws IOException {
        return json.writeValueAsString(value);
    }

    @Test
    void jsonOutputIsOneDocumentAndNothingElse(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));

        LaunchResult result = run(launcher, "-o", "json", "task", "get", ID);

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        JsonNode task = new ObjectMapper().readTree(result.getOutput());
        assertThat(task.get("task_uuid").asText()).isEqualTo(ID);
        assertThat(task.at("/steps/3/results/result").asLong()).isEqualTo(2821109907456L);
        assertThat(result.getErrorOutput()).isEmpty();
    }

    @Test
    void createWithWaitPrintsTheFinalResult(QuarkusMainLauncher launcher) throws IOException {
        var steps = Fixtures.completedDiamond().steps();
        server.answer("POST /v1/tasks", 201, body(Fixtures.task(TaskState.PENDING, ExecutionStatus.HAS_READY_STEPS,
                        steps, 0)))
                .answer("GET " + TASK_PATH + "/wait", 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, steps, 1)))
                .answer("GET " + TASK_PATH + "/wait", 200, body(Fixtures.completedDiamond()));

        LaunchResult result = run(launcher, "task", "create", "--namespace", "diamond_workflow", "--name",
                "diamond_pattern", "--input", "{\"even_number\": 6}", "--tag", "demo", "--priority", "3", "--wait");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("status       complete",
                "result       diamond_end = {\"result\":2821109907456}");
        JsonNode sent = json.readTree(server.requests("POST", "/v1/tasks").get(0).body());
        assertThat(sent.get("tags").get(0).asText()).isEqualTo("demo");
        assertThat(sent.get("priority").asInt()).isEqualTo(3);
        assertThat(sent.get("source_system").asText()).isEqualTo("tasker-cli");
        assertThat(sent.get("idempotency_key").asText()).isNotBlank();
    }

    @Test
    void quietCreatePrintsOnlyTheTaskUuidAndWithWaitExitsWithTheOutcome(QuarkusMainLauncher launcher)
            throws IOException {
        var failed = List.of(Fixtures.step("diamond_start", StepState.ERROR, List.of(), 0));
        server.answer("POST /v1/tasks", 201, body(Fixtures.task(TaskState.PENDING, ExecutionStatus.HAS_READY_STEPS,
                        failed, 0)))
                .answer("POST /v1/tasks", 201, body(Fixtures.task(TaskState.PENDING, ExecutionStatus.HAS_READY_STEPS,
                        failed, 0)))
                .answer("GET " + TASK_PATH + "/wait", 200, body(Fixtures.task(TaskState.ERROR,
                        ExecutionStatus.BLOCKED_BY_FAILURES, failed, 0)));

        LaunchResult created = run(launcher, "task", "create", "--namespace", "diamond_workflow", "--name",
                "diamond_pattern", "-q");
        LaunchResult waited = run(launcher, "-o", "json", "task", "create", "--namespace", "diamond_workflow",
                "--name", "diamond_pattern", "--quiet", "--wait");

        assertThat(created.exitCode()).as(created.getErrorOutput()).isZero();
        assertThat(created.getOutput()).isEqualTo(ID);
        assertThat(waited.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(waited.getOutput()).isEqualTo(ID);
    }

    @Test
    void waitingForATaskThatFailsExitsWithOne(QuarkusMainLauncher launcher) throws IOException {
        var steps = List.of(Fixtures.step("diamond_start", StepState.ERROR, List.of(), 0));
        server.answer("GET " + TASK_PATH + "/wait", 200, body(Fixtures.task(TaskState.ERROR,
                ExecutionStatus.BLOCKED_BY_FAILURES, steps, 0)));

        LaunchResult result = run(launcher, "task", "wait", ID, "--timeout", "5s");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.getOutput()).contains("status       error");
    }

    @Test
    void watchPrintsOneLinePerChangeAndExitsWithTheTasksOutcome(QuarkusMainLauncher launcher) throws IOException {
        var running = List.of(Fixtures.step("diamond_start", StepState.COMPLETE, List.of(), 36),
                Fixtures.step("diamond_branch_b", StepState.IN_PROGRESS, List.of("diamond_start"), 0),
                Fixtures.step("diamond_branch_c", StepState.PENDING, List.of("diamond_start"), 0),
                Fixtures.step("diamond_end", StepState.PENDING, List.of("diamond_branch_b", "diamond_branch_c"), 0));
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, running, 1)))
                .answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, running, 1)))
                .answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));

        LaunchResult result = run(launcher, "task", "watch", ID, "--interval", "100ms");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutputStream()).hasSize(9)
                .anySatisfy(l -> assertThat(l).matches("\\+\\d+\\.\\ds  task  steps_in_process  1/4 steps complete \\(25%\\)"))
                .anySatisfy(l -> assertThat(l).matches("\\+\\d+\\.\\ds  diamond_branch_b  in_progress -> complete  \\(attempt 1/3\\)"))
                .anySatisfy(l -> assertThat(l).matches("\\+\\d+\\.\\ds  task  steps_in_process -> complete  4/4 steps complete \\(100%\\)"));
        assertThat(server.requests("GET", TASK_PATH)).hasSize(3);
    }

    @Test
    void watchAsJsonlPrintsEachChangeAsAnObjectAndAFailedTaskExitsWithOne(QuarkusMainLauncher launcher)
            throws IOException {
        var failed = List.of(Fixtures.step("diamond_start", StepState.ERROR, List.of(), 0));
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.task(TaskState.ERROR, ExecutionStatus.BLOCKED_BY_FAILURES,
                failed, 0)));

        LaunchResult result = run(launcher, "-o", "jsonl", "task", "watch", "--id", ID);
        LaunchResult badInterval = run(launcher, "task", "watch", ID, "--interval", "10ms");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getOutputStream()).hasSize(2);
        JsonNode step = json.readTree(result.getOutputStream().get(1));
        assertThat(step.get("subject").asText()).isEqualTo("step");
        assertThat(step.get("name").asText()).isEqualTo("diamond_start");
        assertThat(step.get("to").asText()).isEqualTo("error");
        assertThat(step.has("from")).isFalse();
        assertThat(badInterval.exitCode()).isEqualTo(2);
        assertThat(badInterval.getErrorOutput()).contains("--interval must be between 100ms and 1m, got 10ms");
    }

    @Test
    void apiErrorsMapToExitCodes(QuarkusMainLauncher launcher) {
        server.answer("GET " + TASK_PATH, 404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"task " + ID
                        + " not found\"}}")
                .answer("DELETE " + TASK_PATH, 409, "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"task " + ID
                        + " is already complete\"}}")
                .answer("GET /v1/workers", 401, "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"token needed\"}}");

        LaunchResult missing = run(launcher, "task", "get", ID);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.getErrorStream()).singleElement().asString()
                .startsWith("error: task " + ID + " not found [NOT_FOUND, HTTP 404 from orchestration]");
        assertThat(missing.getOutput()).isEmpty();

        assertThat(run(launcher, "task", "cancel", ID).exitCode()).isEqualTo(ExitCodes.USAGE);
        LaunchResult noToken = run(launcher, "worker", "list");
        assertThat(noToken.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(noToken.getErrorStream()).singleElement().asString()
                .startsWith("error: token needed [UNAUTHORIZED, HTTP 401 from orchestration]; sent no token");

        LaunchResult badToken = run(launcher, "worker", "list", "--token", "wrong-token-0123456789");
        assertThat(badToken.exitCode()).isEqualTo(ExitCodes.AUTH);
        assertThat(badToken.getErrorStream()).singleElement().asString()
                .contains("; sent the token from flag --token (set a valid token")
                .doesNotContain("wrong-token-0123456789").doesNotContain("0123456789");

        LaunchResult verbose = run(launcher, "worker", "list", "--token", "wrong-token-0123456789", "-v");
        assertThat(verbose.getErrorOutput()).contains("orchestration: sending the token from flag --token",
                "worker: sending the token from flag --token").doesNotContain("0123456789");
    }

    @Test
    void taskListSendsEveryFilterAndJsonlPrintsOneTaskALine(QuarkusMainLauncher launcher) throws IOException {
        String second = "6a1f3c2e-0c1d-4e5f-9a8b-7c6d5e4f3a2b";
        server.answer("GET /v1/tasks", 200, "{\"tasks\":[" + summary(ID) + "," + summary(second) + "],"
                + "\"pagination\":{\"page\":1,\"per_page\":25,\"total_count\":2,\"total_pages\":1,"
                + "\"has_next\":false,\"has_previous\":false}}");

        LaunchResult result = run(launcher, "task", "list", "-o", "jsonl", "--namespace", "diamond_workflow",
                "--name", "diamond_pattern", "--status", "error", "--since", "2026-01-01", "--until",
                "2026-01-31T12:00:00Z", "--tag", "nightly", "--correlation-id", "order-42", "--initiator", "ops",
                "--source-system", "billing");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput().lines()).hasSize(2);
        assertThat(result.getOutput().lines().map(line -> {
            try {
                return json.readTree(line).get("task_uuid").asText();
            } catch (IOException e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        })).containsExactly(ID, second);
        assertThat(server.requests("GET", "/v1/tasks").get(0).query()).contains("namespace=diamond_workflow",
                "name=diamond_pattern", "status=error", "created_after=2026-01-01T00:00:00Z",
                "created_before=2026-01-31T12:00:00Z", "tag=nightly", "correlation_id=order-42", "initiator=ops",
                "source_system=billing");
    }

    private static String summary(String id) {
        return "{\"task_uuid\":\"" + id + "\",\"namespace\":\"diamond_workflow\",\"name\":\"diamond_pattern\","
                + "\"version\":\"1.0.0\",\"status\":\"error\",\"total_steps\":4,\"completed_steps\":1}";
    }

    @Test
    void stepResolveFindsTheStepByNameAndSendsResultWhoAndWhy(QuarkusMainLauncher launcher) throws IOException {
        var failed = Fixtures.step("diamond_start", StepState.ERROR, List.of(), 0);
        var resolved = Fixtures.step("diamond_start", StepState.RESOLVED_MANUALLY, List.of(), 0);
        String stepPath = TASK_PATH + "/workflow_steps/" + failed.stepUuid();
        server.answer("GET " + TASK_PATH + "/workflow_steps", 200, body(List.of(failed)))
                .answer("PATCH " + stepPath, 200, body(resolved));

        LaunchResult result = run(launcher, "step", "resolve", ID, "diamond_start", "--result", "{\"result\": 36}",
                "--reason", "INC-42");
        LaunchResult badJson = run(launcher, "step", "resolve", ID, "diamond_start", "--result", "[36]");
        LaunchResult noStep = run(launcher, "step", "resolve", ID, "diamond_end", "--result", "{}");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).containsPattern("diamond_start +resolved_manually");
        JsonNode sent = json.readTree(server.requests("PATCH", stepPath).get(0).body());
        assertThat(sent.get("resolution_data").get("result").asInt()).isEqualTo(36);
        assertThat(sent.get("reason").asText()).isEqualTo("INC-42");
        assertThat(sent.get("resolved_by").asText()).isNotBlank();
        assertThat(badJson.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badJson.getErrorOutput()).contains("--result must be a JSON object, got array");
        assertThat(noStep.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(noStep.getErrorOutput()).contains("has no step 'diamond_end' (its steps: diamond_start)");
        assertThat(server.requests("PATCH", stepPath)).hasSize(1);
    }

    @Test
    void taskRetrySendsTheStepsContextUserAndReasonAndWithWaitExitsWithTheOutcome(QuarkusMainLauncher launcher)
            throws IOException {
        var steps = Fixtures.completedDiamond().steps();
        server.answer("POST " + TASK_PATH + "/retry", 200, body(Fixtures.task(TaskState.STEPS_IN_PROCESS,
                        ExecutionStatus.PROCESSING, steps, 1)))
                .answer("GET " + TASK_PATH + "/wait", 200, body(Fixtures.completedDiamond()));

        LaunchResult result = run(launcher, "task", "retry", ID, "--step", "diamond_branch_b", "--step",
                "diamond_branch_c", "--context", "{\"even_number\": 8}", "--reason", "INC-7", "--wait");
        LaunchResult badContext = run(launcher, "task", "retry", ID, "--context", "8");
        LaunchResult blankStep = run(launcher, "task", "retry", ID, "--step", " ");

        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("status       complete");
        JsonNode sent = json.readTree(server.requests("POST", TASK_PATH + "/retry").get(0).body());
        assertThat(sent.get("steps").toString()).isEqualTo("[\"diamond_branch_b\",\"diamond_branch_c\"]");
        assertThat(sent.get("context").get("even_number").asInt()).isEqualTo(8);
        assertThat(sent.get("reason").asText()).isEqualTo("INC-7");
        assertThat(sent.get("requested_by").asText()).isNotBlank();
        assertThat(badContext.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badContext.getErrorOutput()).contains("--context must be a JSON object, got number");
        assertThat(blankStep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.requests("POST", TASK_PATH + "/retry")).hasSize(1);
    }

    @Test
    void bulkCancelPreviewsRefusesWithoutATerminalAndRunsWithYes(QuarkusMainLauncher launcher) throws IOException {
        String second = "6a1f3c2e-0c1d-4e5f-9a8b-7c6d5e4f3a2b";
        String selected = "[" + summary(ID) + "," + summary(second) + "]";
        server.answer("POST /v1/tasks/actions/cancel", 200, "{\"action\":\"cancel\",\"dry_run\":true,\"matched\":5,"
                        + "\"limit\":2,\"selected\":" + selected + ",\"changed\":[],\"skipped\":[]}")
                .answer("POST /v1/tasks/actions/cancel", 200, "{\"action\":\"cancel\",\"dry_run\":true,\"matched\":5,"
                        + "\"limit\":2,\"selected\":" + selected + ",\"changed\":[],\"skipped\":[]}")
                .answer("POST /v1/tasks/actions/cancel", 200, "{\"action\":\"cancel\",\"dry_run\":true,\"matched\":5,"
                        + "\"limit\":2,\"selected\":" + selected + ",\"changed\":[],\"skipped\":[]}")
                .answer("POST /v1/tasks/actions/cancel", 200, "{\"action\":\"cancel\",\"dry_run\":false,\"matched\":5,"
                        + "\"limit\":2,\"selected\":" + selected + ",\"changed\":[\"" + ID + "\"],\"skipped\":"
                        + "[{\"task_uuid\":\"" + second + "\",\"reason\":\"task " + second + " is complete\"}]}");

        LaunchResult preview = run(launcher, "task", "cancel", "--namespace", "diamond_workflow", "--status", "error",
                "--limit", "2", "--dry-run");
        LaunchResult refused = run(launcher, "task", "cancel", "--namespace", "diamond_workflow", "--limit", "2");
        LaunchResult done = run(launcher, "task", "cancel", "--namespace", "diamond_workflow", "--limit", "2", "--yes");
        LaunchResult both = run(launcher, "task", "cancel", ID, "--namespace", "diamond_workflow");
        LaunchResult neither = run(launcher, "task", "cancel");

        assertThat(preview.exitCode()).as(preview.getErrorOutput()).isZero();
        assertThat(preview.getOutput()).contains("would cancel 2 of 5 matching tasks (newest first, --limit 2); "
                + "nothing was changed").containsPattern(ID + " +diamond_workflow +diamond_pattern +error");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.getErrorOutput()).contains("refusing to cancel 2 of 5 matching tasks without --yes: there "
                + "is no terminal to ask (preview them with --dry-run)");
        assertThat(done.exitCode()).as(done.getErrorOutput()).isZero();
        assertThat(done.getOutput()).contains("cancel: 1 changed, 1 skipped, of 2 selected (5 matching)")
                .containsPattern(second + " +task " + second + " is complete");
        List<JsonNode> sent = server.requests("POST", "/v1/tasks/actions/cancel").stream().map(r -> {
            try {
                return json.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(sent).extracting(n -> n.get("dry_run").asBoolean()).containsExactly(true, true, true, false);
        assertThat(sent.get(0).get("filter").toString()).isEqualTo("{\"namespace\":\"diamond_workflow\","
                + "\"status\":\"error\"}");
        assertThat(sent.get(0).get("limit").asInt()).isEqualTo(2);
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.getErrorOutput()).contains("give either a task's UUID or filters");
        assertThat(neither.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.getErrorOutput()).contains("which tasks? give a task's UUID (TASK_ID or --id) or filters");
    }

    @Test
    void aTaskIdIsPositionalOrGivenWithId(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));

        LaunchResult byOption = run(launcher, "task", "get", "--id", ID);
        LaunchResult both = run(launcher, "task", "get", ID, "--id", ID);
        LaunchResult none = run(launcher, "task", "get");
        LaunchResult two = run(launcher, "task", "steps", ID, "--id", "6a1f3c2e-0c1d-4e5f-9a8b-7c6d5e4f3a2b");
        LaunchResult notUuid = run(launcher, "task", "history", "--id", "nope");

        assertThat(byOption.exitCode()).as(byOption.getErrorOutput()).isZero();
        assertThat(byOption.getOutput()).contains("task         " + ID, "status       complete");
        assertThat(both.exitCode()).as(both.getErrorOutput()).isZero();
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.getErrorOutput()).contains("which task? give its UUID: TASK_ID or --id TASK_ID");
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.getErrorOutput()).contains("two different tasks given");
        assertThat(notUuid.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.requests("GET", TASK_PATH)).hasSize(2);
    }

    @Test
    void listStepsHistoryAndGraph(QuarkusMainLauncher launcher) throws IOException {
        server.answer("GET /v1/tasks", 200, "{\"tasks\":[{\"task_uuid\":\"" + ID + "\",\"namespace\":\"diamond_workflow\","
                        + "\"name\":\"diamond_pattern\",\"version\":\"1.0.0\",\"status\":\"error\",\"total_steps\":4,"
                        + "\"completed_steps\":1}],\"pagination\":{\"page\":1,\"per_page\":25,\"total_count\":1,"
                        + "\"total_pages\":1,\"has_next\":false,\"has_previous\":false,\"total_count_exact\":true}}")
                .answer("GET " + TASK_PATH + "/workflow_steps", 200, body(Fixtures.completedDiamond().steps()))
                .answer("GET " + TASK_PATH + "/transitions", 200, "[{\"subject\":\"task\",\"from_state\":\"pending\","
                        + "\"to_state\":\"initializing\",\"at\":\"2026-01-31T12:00:00Z\"},{\"subject\":\"step\","
                        + "\"step_name\":\"diamond_start\",\"from_state\":\"pending\",\"to_state\":\"enqueued\","
                        + "\"at\":\"2026-01-31T12:00:01Z\"}]")
                .answer("GET " + TASK_PATH, 200, body(Fixtures.completedDiamond()));

        LaunchResult list = run(launcher, "task", "list", "--status", "error", "--since", "1h", "--limit", "5");
        assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
        assertThat(list.getOutput()).containsPattern(ID + " +diamond_workflow +diamond_pattern +1.0.0 +error +1/4")
                .contains("page 1 of 1, 1 tasks");
        assertThat(server.requests("GET", "/v1/tasks").get(0).query()).contains("status=error", "per_page=5",
                "created_after=");

        assertThat(run(launcher, "task", "steps", ID).getOutput())
                .containsPattern("diamond_branch_b +complete +1/3 +diamond_start +\\{\"result\":1296}");
        assertThat(run(launcher, "task", "history", ID).getOutput())
                .containsPattern("2026-01-31T12:00:01Z +step diamond_start +pending +enqueued");
        assertThat(run(launcher, "task", "graph", ID).getOutput())
                .contains("    └── diamond_end [complete] (see above)");
        assertThat(run(launcher, "task", "graph", ID, "--format", "mermaid").getOutput())
                .startsWith("graph TD").contains("s1 --> s3");
    }

    @Test
    void aLargeListSaysItsCountIsAnEstimateAndPagesOnByCursor(QuarkusMainLauncher launcher) {
        server.answer("GET /v1/tasks", 200, "{\"tasks\":[" + summary(ID) + "],\"pagination\":{\"page\":3,"
                + "\"per_page\":1,\"total_count\":1200000,\"total_pages\":1200000,\"has_next\":true,"
                + "\"has_previous\":true,\"total_count_exact\":false,\"next_cursor\":\"djE6MTox\"}}");

        LaunchResult list = run(launcher, "task", "list", "--limit", "1", "--cursor", "djE6MDow");

        assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
        assertThat(list.getOutput()).contains("page 3 of about 1200000, about 1200000 tasks (next: --cursor djE6MTox)");
        assertThat(server.requests("GET", "/v1/tasks").get(0).query()).contains("cursor=djE6MDow")
                .doesNotContainPattern("(^|&)page=");
        LaunchResult both = run(launcher, "task", "list", "--page", "2", "--cursor", "djE6MDow");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.getErrorOutput()).contains("--page and --cursor cannot be combined");
    }

    @Test
    void workerHealthAllProbesEachRegisteredWorker(QuarkusMainLauncher launcher) throws IOException {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        server.answer("GET /v1/workers", 200, body(new WorkerListResponse(List.of(
                        new WorkerInfo("java-integration-worker", "active", List.of("linear_workflow"),
                                server.url().toString(), "0.1.0", now, now, now, null, null),
                        new WorkerInfo("gone-worker", "active", List.of("linear_workflow"), "http://127.0.0.1:1",
                                "0.1.0", now, now, now, null, null),
                        new WorkerInfo("old-worker", "deregistered", List.of(), null, "0.1.0", now, now, now, now,
                                null)))))
                .answer("GET /health/ready", 200, "{\"status\":\"UP\",\"checks\":[]}");

        LaunchResult result = run(launcher, "worker", "health", "--all");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.getOutput()).containsPattern("java-integration-worker +healthy +direct +" + server.url())
                .containsPattern("gone-worker +unhealthy +direct +http://127.0.0.1:1")
                .doesNotContain("old-worker");
        assertThat(result.getErrorStream()).singleElement().asString()
                .startsWith("error: worker gone-worker at http://127.0.0.1:1 is not reachable: connection refused");
    }

    @Test
    void registeredWorkersAreJudgedByTheirHeartbeatReportsWithoutBeingAsked(QuarkusMainLauncher launcher)
            throws IOException {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        WorkerStatus running = new WorkerStatus("java-integration-worker", "running", List.of("linear_workflow"), now,
                60, 1, 4, 100, 2, "0.1.0");
        server.answer("GET /v1/workers", 200, body(new WorkerListResponse(List.of(
                        new WorkerInfo("java-integration-worker", "active", List.of("linear_workflow"),
                                "http://worker:8081", "0.1.0", now, now, now, null, new ReportedHealth("healthy",
                                        "running, 1/4 slots busy, heartbeat 1.2 s ago", now, 5000L, running)),
                        new WorkerInfo("frozen-worker", "active", List.of("linear_workflow"), "http://worker-2:8081",
                                "0.1.0", now, now, now, null, new ReportedHealth("unhealthy",
                                        "no heartbeat for 9.0 s (it reports every 5.0 s)", now, 5000L, running))))))
                .answer("GET /v1/workers/java-integration-worker", 200, body(new WorkerInfo("java-integration-worker",
                        "active", List.of("linear_workflow"), "http://worker:8081", "0.1.0", now, now, now, null,
                        new ReportedHealth("healthy", "running", now, 5000L, running))));

        LaunchResult health = run(launcher, "worker", "health", "--all");
        LaunchResult status = run(launcher, "worker", "status", "--id", "java-integration-worker");

        assertThat(health.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(health.getOutput()).containsPattern("java-integration-worker +healthy +heartbeat +http://worker:8081")
                .containsPattern("frozen-worker +unhealthy +heartbeat");
        assertThat(health.getErrorStream()).singleElement().asString().isEqualTo("error: worker frozen-worker is "
                + "unhealthy: no heartbeat for 9.0 s (it reports every 5.0 s) (the registry's verdict on its "
                + "heartbeats; --direct asks the worker itself)");
        assertThat(status.exitCode()).as(status.getErrorOutput()).isZero();
        assertThat(status.getOutput()).containsPattern("in flight +1 of 4").containsPattern("processed +100 \\(2 failed\\)")
                .contains("its last heartbeat, 2026-01-31T12:00:00Z (healthy: running)");
        assertThat(server.requests()).noneMatch(r -> r.path().startsWith("/health") || r.path().startsWith("/status"));
    }

    @Test
    void workerStatusAndSystemInfo(QuarkusMainLauncher launcher) throws IOException {
        Instant now = Instant.parse("2026-01-31T12:00:00Z");
        WorkerInfo registered = new WorkerInfo("java-integration-worker", "active", List.of("linear_workflow"),
                server.url().toString(), "0.1.0", now, now, now, null, null);
        server.answer("GET /v1/workers/java-integration-worker", 200, body(registered))
                .answer("GET /v1/workers", 200, body(new WorkerListResponse(List.of(registered))))
                .answer("GET /status", 200, body(new WorkerStatus("java-integration-worker", "running",
                        List.of("linear_workflow"), now, 42, 1, 4, 10, 2, "0.1.0")))
                .answer("GET /status/namespaces", 200, "[{\"namespace\":\"linear_workflow\",\"queue_depth\":3,"
                        + "\"in_flight\":1,\"health_status\":\"healthy\"}]")
                .answer("GET /health", 200, "{\"status\":\"healthy\",\"version\":\"0.1.0\"}")
                .answer("GET /v1/namespaces", 200, "{\"namespaces\":[{\"name\":\"linear_workflow\","
                        + "\"template_count\":1}]}")
                .answer("GET /metrics", 200, "tasker_queue_depth{queue=\"linear_workflow\"} 3.0\n");

        LaunchResult status = run(launcher, "worker", "status", "--id", "java-integration-worker");
        assertThat(status.exitCode()).as(status.getErrorOutput()).isZero();
        assertThat(status.getOutput()).containsPattern("worker +java-integration-worker")
                .containsPattern("processed +10 \\(2 failed\\)")
                .containsPattern("linear_workflow +healthy +3 +1");

        LaunchResult info = run(launcher, "system", "info");
        assertThat(info.exitCode()).as(info.getErrorOutput()).isZero();
        assertThat(info.getOutput()).containsPattern("orchestration +" + server.url() + " +healthy +version 0.1.0")
                .contains("templates      1 in 1 namespaces")
                .containsPattern("linear_workflow +3")
                .containsPattern("java-integration-worker +active");

        JsonNode json = new ObjectMapper().readTree(run(launcher, "system", "info", "-o", "json").getOutput());
        assertThat(json.at("/queue_depths/linear_workflow").asDouble()).isEqualTo(3.0);
        assertThat(json.at("/workers/0/worker_id").asText()).isEqualTo("java-integration-worker");
    }
}
