package dev.tasker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tasker.testing.ComposeProject;
import dev.tasker.testing.ItTokens;
import dev.tasker.testing.TaskerIntegration;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged tasker-cli, a process per command ({@link CliLauncher}), against the compose stack
 * (postgres, orchestration, worker) the other integration tests of the run use. A failing test writes a
 * diagnostics report ({@link TaskerIntegration}); tasks are tagged with the test's run id and tracked for it.
 */
@QuarkusTest
class TaskerCliIT {

    final CliLauncher launcher = new CliLauncher();

    /** `system health` against both services, and against a closed port. */
    @Nested
    class SystemHealth {

        @RegisterExtension
        final TaskerIntegration it = new TaskerIntegration();

        @Test
        void reportsBothServicesHealthy() {
            CliResult result = launcher.launch("system", "health", "--orchestration", "--workers");
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getOutputStream())
                    .hasSize(2)
                    .anySatisfy(line -> assertThat(line).startsWith("orchestration").contains(" healthy ", "ready"))
                    .anySatisfy(line -> assertThat(line).startsWith("worker").contains(" healthy ", "ready"));
            assertThat(result.getErrorOutput()).doesNotContain("error:");
        }

        /** --version is answered before Quarkus boots: the launch logs no Quarkus start-up (it does at INFO here). */
        @Test
        void versionIsAnsweredWithoutStartingQuarkus() {
            CliResult version = launcher.launch("--version");
            CliResult shortFlag = launcher.launch("-V");

            assertThat(version.exitCode()).isZero();
            assertThat(version.getOutput()).matches("tasker-cli \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
            assertThat(version.getErrorOutput()).doesNotContain("started in");
            assertThat(shortFlag.getOutput()).isEqualTo(version.getOutput());
        }

        @Test
        void closedPortFailsFastWithTheUrlInTheMessage() {
            long start = System.nanoTime();
            CliResult result = launcher.launch("system", "health", "--orchestration",
                    "--orchestration-url", "http://127.0.0.1:1", "--timeout", "5s");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.getErrorOutput())
                    .contains("error: orchestration at http://127.0.0.1:1 is not reachable: connection refused");
            assertThat(result.getOutput()).contains("orchestration", "unhealthy");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        }
    }

    /** Tasks of the integration worker's linear_workflow run to their exact result (6^16 for N = 6). */
    @Nested
    class Tasks {

        private static final String RESULT = "2821109907456";

        @RegisterExtension
        final TaskerIntegration it = new TaskerIntegration();

        /** {@code task create --wait} of linear_workflow for N = 6, tagged with the test's run id. */
        private CliResult createLinear(CliLauncher launcher, String... extra) {
            String[] base = {"task", "create", "--namespace", "linear_workflow", "--name", "mathematical_sequence",
                "--input", "{\"even_number\": 6}", "--tag", it.run().id(), "--wait", "--timeout", "60s"};
            String[] args = new String[base.length + extra.length];
            System.arraycopy(extra, 0, args, 0, extra.length);
            System.arraycopy(base, 0, args, extra.length, base.length);
            return launcher.launch(args);
        }

        /** Creates a task with -o json and returns its parsed output, the task tracked for the diagnostics. */
        private JsonNode createdTask(CliLauncher launcher) throws Exception {
            CliResult result = createLinear(launcher, "-o", "json");
            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            JsonNode task = new ObjectMapper().readTree(result.getOutput());
            it.run().track(UUID.fromString(task.get("task_uuid").asText()));
            return task;
        }

        @Test
        void createAndWaitShowsTheFinalResult() {
            CliResult result = createLinear(launcher);

            assertThat(result.exitCode()).as(result.getErrorOutput() + result.getOutput()).isZero();
            assertThat(result.getOutput())
                    .containsPattern("status +complete")
                    .contains("result       linear_step_4 = {\"result\":" + RESULT + "}")
                    .containsPattern("linear_step_4 +complete +1/\\d+ +linear_step_3 +\\{\"result\":" + RESULT + "}")
                    .containsPattern("tags +" + it.run().id());
        }

        @Test
        void jsonOutputParsesAndCarriesTheResult() throws Exception {
            JsonNode task = createdTask(launcher);

            assertThat(task.get("status").asText()).isEqualTo("complete");
            assertThat(task.get("completed_steps").asInt()).isEqualTo(4);
            assertThat(task.get("tags").toString()).contains(it.run().id());
            JsonNode last = null;
            for (JsonNode step : task.get("steps")) {
                if (step.get("name").asText().equals("linear_step_4")) {
                    last = step;
                }
            }
            assertThat(last).isNotNull();
            assertThat(last.at("/results/result").bigIntegerValue().toString()).isEqualTo(RESULT);
        }

        @Test
        void aFailedStepResolvedByHandLetsTheTaskFinish() {
            CliResult failed = launcher.launch("task", "create", "--namespace", "failure_workflow", "--name",
                    "permanent_failure_task", "--tag", it.run().id(), "-q", "--wait", "--timeout", "60s");
            assertThat(failed.exitCode()).as(failed.getErrorOutput()).isEqualTo(ExitCodes.FAILED);
            String uuid = failed.getOutput().strip();
            it.run().track(UUID.fromString(uuid));

            CliResult unknownStep = launcher.launch("step", "resolve", uuid, "no_such_step", "--result", "{}");
            CliResult resolved = launcher.launch("step", "resolve", uuid, "permanent_failure_step", "--result",
                    "{\"result\": 42}", "--reason", "fixed upstream, " + it.run().id());
            CliResult again = launcher.launch("step", "resolve", uuid, "permanent_failure_step", "--result", "{}");
            CliResult waited = launcher.launch("task", "wait", "--id", uuid, "--timeout", "30s");
            CliResult steps = launcher.launch("task", "steps", uuid);

            assertThat(unknownStep.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(unknownStep.getErrorOutput()).contains("has no step 'no_such_step' (its steps: "
                    + "permanent_failure_step)");
            assertThat(resolved.exitCode()).as(resolved.getErrorOutput()).isZero();
            assertThat(resolved.getOutput()).containsPattern("permanent_failure_step +resolved_manually");
            assertThat(again.exitCode()).as(again.getErrorOutput()).isEqualTo(ExitCodes.USAGE);
            assertThat(waited.exitCode()).as(waited.getErrorOutput() + waited.getOutput()).isZero();
            assertThat(steps.getOutput()).containsPattern(
                    "permanent_failure_step +resolved_manually .*resolved by hand: \\{\"result\":42}");
        }

        @Test
        void aTaskThatFailedForItsInputIsRetriedWithCorrectedContextAndCompletes() {
            // fail_times 5: every attempt the retry limit (3) allows fails, so the task ends in error.
            CliResult failed = launcher.launch("task", "create", "--namespace", "failure_workflow", "--name",
                    "flaky_task", "--input", "{\"fail_times\": 5}", "--tag", it.run().id(), "-q", "--wait",
                    "--timeout", "60s");
            assertThat(failed.exitCode()).as(failed.getErrorOutput()).isEqualTo(ExitCodes.FAILED);
            String uuid = failed.getOutput().strip();
            it.run().track(UUID.fromString(uuid));

            CliResult retried = launcher.launch("task", "retry", uuid, "--context", "{\"fail_times\": 0}",
                    "--reason", "input corrected, " + it.run().id(), "--wait", "--timeout", "60s");
            CliResult again = launcher.launch("task", "retry", "--id", uuid);
            CliResult history = launcher.launch("task", "history", uuid, "-o", "jsonl");

            assertThat(retried.exitCode()).as(retried.getErrorOutput() + retried.getOutput()).isZero();
            assertThat(retried.getOutput()).containsPattern("status +complete")
                    .containsPattern("flaky_step +complete +1/3 +- +\\{\"attempts\":1}");
            assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(again.getErrorOutput()).contains("is complete; only a task with failed steps");
            assertThat(history.getOutput().lines())
                    .anySatisfy(line -> assertThat(line).contains("\"from_state\":\"error\"",
                            "\"to_state\":\"pending\"", "\"previous_attempts\":3", "\"context_changed\":[\"fail_times\"]",
                            "input corrected, " + it.run().id()));
        }

        @Test
        void failedTasksAreRetriedInBulkByTheirTagAfterAPreview() {
            for (int i = 0; i < 2; i++) {
                CliResult failed = launcher.launch("task", "create", "--namespace", "failure_workflow", "--name",
                        "permanent_failure_task", "--tag", it.run().id(), "-q", "--wait", "--timeout", "60s");
                assertThat(failed.exitCode()).as(failed.getErrorOutput()).isEqualTo(ExitCodes.FAILED);
                it.run().track(UUID.fromString(failed.getOutput().strip()));
            }

            CliResult preview = launcher.launch("task", "retry", "--tag", it.run().id(), "--status", "error",
                    "--dry-run");
            CliResult refused = launcher.launch("task", "retry", "--tag", it.run().id(), "--status", "error");
            CliResult done = launcher.launch("task", "retry", "--tag", it.run().id(), "--status", "error", "--yes",
                    "--reason", "bulk " + it.run().id());

            assertThat(preview.exitCode()).as(preview.getErrorOutput()).isZero();
            assertThat(preview.getOutput()).contains("would retry 2 of 2 matching tasks");
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(refused.getErrorOutput()).contains("refusing to retry 2 of 2 matching tasks without --yes");
            assertThat(done.exitCode()).as(done.getErrorOutput()).isZero();
            assertThat(done.getOutput()).contains("retry: 2 changed, 0 skipped, of 2 selected (2 matching)");
        }

        @Test
        void watchFollowsATaskToItsEndAndExitsWithItsOutcome() {
            CliResult created = launcher.launch("task", "create", "--namespace", "linear_workflow", "--name",
                    "mathematical_sequence", "--input", "{\"even_number\": 6}", "--tag", it.run().id(), "-q");
            assertThat(created.exitCode()).as(created.getErrorOutput()).isZero();
            String uuid = created.getOutput().strip();
            it.run().track(UUID.fromString(uuid));
            CliResult failed = launcher.launch("task", "create", "--namespace", "failure_workflow", "--name",
                    "permanent_failure_task", "--tag", it.run().id(), "-q");
            String failedUuid = failed.getOutput().strip();
            it.run().track(UUID.fromString(failedUuid));

            CliResult watched = launcher.launch("task", "watch", uuid, "--interval", "100ms", "--timeout", "60s");
            CliResult watchedFailure = launcher.launch("-o", "jsonl", "task", "watch", "--id", failedUuid,
                    "--timeout", "60s");

            assertThat(watched.exitCode()).as(watched.getErrorOutput()).isZero();
            // The first read lists every step; later lines are changes, until the task is complete.
            assertThat(watched.getOutputStream())
                    .anySatisfy(l -> assertThat(l).matches("\\+\\d+\\.\\ds  linear_step_1  .*"))
                    .last().asString()
                    .matches("\\+\\d+\\.\\ds  (task  (\\w+ -> )?complete  4/4 steps complete \\(100%\\)"
                            + "|linear_step_4  (\\w+ -> )?complete  \\(attempt 1/3\\))");
            assertThat(watched.getOutput()).containsPattern("task  (\\w+ -> )?complete  4/4 steps complete");
            assertThat(watchedFailure.exitCode()).as(watchedFailure.getErrorOutput()).isEqualTo(ExitCodes.FAILED);
            assertThat(watchedFailure.getOutputStream())
                    .anySatisfy(l -> assertThat(l).contains("\"name\":\"task\"", "\"to\":\"error\""))
                    .anySatisfy(l -> assertThat(l).contains("\"name\":\"permanent_failure_step\"",
                            "\"to\":\"error\""));
        }

        @Test
        void taskGetShowsACreatedTaskWithItsSteps() throws Exception {
            String uuid = createdTask(launcher).get("task_uuid").asText();

            CliResult result = launcher.launch("task", "get", uuid, "--steps");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getOutput())
                    .containsPattern("task +" + uuid)
                    .containsPattern("status +complete")
                    .contains("result       linear_step_4 = {\"result\":" + RESULT + "}")
                    .containsPattern("linear_step_1 +complete +1/\\d+ +- +\\{\"result\":36}");
        }

        @Test
        void taskListShowsTheNewestTaskFirst() throws Exception {
            String uuid = createdTask(launcher).get("task_uuid").asText();

            CliResult table = launcher.launch("task", "list", "--namespace", "linear_workflow");
            CliResult json = launcher.launch("task", "list", "--namespace", "linear_workflow", "-o", "json");

            assertThat(table.exitCode()).as(table.getErrorOutput()).isZero();
            assertThat(table.getOutput()).containsPattern(uuid + " +linear_workflow +mathematical_sequence +1\\.0\\.0"
                    + " +complete +4/4");
            assertThat(json.exitCode()).as(json.getErrorOutput()).isZero();
            // The list is shared with every other test's tasks; this test reads only its own entry, which, as the
            // newest linear_workflow task, leads the first page.
            JsonNode first = new ObjectMapper().readTree(json.getOutput()).at("/tasks/0");
            assertThat(first.get("task_uuid").asText()).isEqualTo(uuid);
            assertThat(first.get("status").asText()).isEqualTo("complete");
            assertThat(first.get("tags").toString()).contains(it.run().id());
        }

        @Test
        void anUnknownTaskExitsWithThree() {
            UUID unknown = UUID.randomUUID();

            CliResult result = launcher.launch("task", "get", unknown.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.getErrorStream()).anySatisfy(line -> assertThat(line)
                    .startsWith("error: task " + unknown + " not found [NOT_FOUND, HTTP 404 from orchestration]"));
            assertThat(result.getOutput()).isEmpty();
        }

        @Test
        void invalidInputJsonExitsWithTwo() {
            CliResult result = launcher.launch("task", "create", "--namespace", "linear_workflow", "--name",
                    "mathematical_sequence", "--input", "{even_number: 6}");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.getErrorOutput()).contains("error: --input is not valid JSON: line 1, column 2: "
                    + "unexpected character ('e'): was expecting double-quote to start field name");
            assertThat(result.getOutput()).isEmpty();
        }

        @Test
        void aRefusedTokenExitsWithFiveNamingItsSourceNotItsValue() {
            String unknown = "tasker-it-not-a-key-" + UUID.randomUUID();
            CliResult unauthorized = launcher.launch("task", "list", "--token", unknown);
            assertThat(unauthorized.exitCode()).as(unauthorized.getErrorOutput()).isEqualTo(ExitCodes.AUTH);
            assertThat(unauthorized.getErrorOutput()).contains("[UNAUTHORIZED, HTTP 401 from orchestration]",
                    "sent the token from flag --token").doesNotContain(unknown);

            CliResult forbidden = launcher.launch("task", "create", "--namespace", "linear_workflow", "--name",
                    "mathematical_sequence", "--input", "{\"even_number\": 6}", "--token", ItTokens.READER);
            assertThat(forbidden.exitCode()).as(forbidden.getErrorOutput()).isEqualTo(ExitCodes.AUTH);
            assertThat(forbidden.getErrorOutput()).contains("[FORBIDDEN, HTTP 403 from orchestration]",
                    "tasks:write", "sent the token from flag --token (use a token with that permission")
                    .doesNotContain(ItTokens.READER);
        }

        @Test
        void aClosedOrchestrationPortExitsWithFourWithinTheTimeout() {
            long start = System.nanoTime();
            CliResult result = launcher.launch("task", "get", UUID.randomUUID().toString(),
                    "--orchestration-url", "http://127.0.0.1:1", "--timeout", "5s");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(result.getErrorOutput()).contains("error: orchestration at http://127.0.0.1:1 is not reachable: "
                    + "connection refused (check --orchestration-url or TASKER_ORCHESTRATION_URL");
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        }
    }

    /**
     * The command list of the seed that specified tasker-cli, run as it is written there; only its placeholders
     * (uuid-here, worker-id) are filled in. linear_workflow/sequence is shipped for it by the integration worker.
     */
    @Nested
    class SeedCommandList {

        @RegisterExtension
        final TaskerIntegration it = new TaskerIntegration();

        private static final Pattern UUID_IN_OUTPUT = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        @Test
        void everyCommandOfTheSeedWorksAsWritten() {
            CliResult create = launcher.launch("task", "create", "--namespace", "linear_workflow", "--name",
                    "sequence", "--input", "{\"even_number\": 6}");
            assertThat(create.exitCode()).as(create.getErrorOutput()).isZero();
            Matcher id = UUID_IN_OUTPUT.matcher(create.getOutput());
            assertThat(id.find()).as(create.getOutput()).isTrue();
            String uuid = id.group();
            it.run().track(UUID.fromString(uuid));

            CliResult get = launcher.launch("task", "get", "--id", uuid);
            assertThat(get.exitCode()).as(get.getErrorOutput()).isZero();
            assertThat(get.getOutput()).contains(uuid).contains("linear_workflow/sequence");
            CliResult list = launcher.launch("task", "list", "--namespace", "linear_workflow", "--status", "pending");
            assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();

            CliResult workers = Workers.untilRegistered(launcher, "worker", "list", "--namespace", "linear_workflow");
            assertThat(workers.exitCode()).as(workers.getErrorOutput()).isZero();
            assertThat(workers.getOutput()).contains(Workers.WORKER_ID);
            for (String[] command : new String[][] {
                {"worker", "status", "--id", Workers.WORKER_ID},
                {"worker", "health", "--all"},
                {"system", "health", "--orchestration", "--workers"},
                {"system", "info"}}) {
                CliResult result = launcher.launch(command);
                assertThat(result.exitCode()).as(String.join(" ", command) + ": " + result.getErrorOutput()
                        + result.getOutput()).isZero();
            }
        }
    }

    /** The template registry from the CLI: the worker's templates, and one registered by the test. */
    @Nested
    class Templates {

        @RegisterExtension
        final TaskerIntegration it = new TaskerIntegration();

        @TempDir
        Path dir;

        /** A template of its own per run (the registry keeps versions forever), served by no worker. */
        private String file(String fileName, String name, String handler) throws IOException {
            return Files.writeString(dir.resolve(fileName), """
                    namespace: cli_it
                    name: %s
                    version: "1.0.0"
                    steps:
                      - name: only
                        handler: %s
                    """.formatted(name, handler)).toString();
        }

        @Test
        void listAndGetShowTheWorkersTemplates() {
            CliResult list = launcher.launch("template", "list", "--namespace", "linear_workflow");
            CliResult get = launcher.launch("template", "get", "linear_workflow", "mathematical_sequence");

            assertThat(list.exitCode()).as(list.getErrorOutput()).isZero();
            assertThat(list.getOutput()).containsPattern("linear_workflow +mathematical_sequence +1\\.0\\.0 +4 ");
            assertThat(get.exitCode()).as(get.getErrorOutput()).isZero();
            assertThat(get.getOutput()).contains("linear_workflow/mathematical_sequence/1.0.0")
                    .containsPattern("linear_step_4 +math.square_parent +linear_step_3 +3 attempts");
        }

        @Test
        void aLintedFileIsRegisteredOnceAndADifferentDefinitionOfItsVersionIsRefused()
                throws IOException {
            String name = "tpl_" + it.run().id().replace('-', '_');
            String first = file("first.yaml", name, "test.first");
            String changed = file("changed.yaml", name, "test.other");

            CliResult lint = launcher.launch("template", "lint", first);
            CliResult registered = launcher.launch("template", "register", first);
            CliResult again = launcher.launch("template", "register", first);
            CliResult conflict = launcher.launch("template", "register", changed);
            CliResult got = launcher.launch("-o", "json", "template", "get", "cli_it", name);

            assertThat(lint.exitCode()).as(lint.getOutput()).isZero();
            assertThat(registered.exitCode()).as(registered.getErrorOutput()).isZero();
            assertThat(registered.getOutput()).isEqualTo("registered cli_it/" + name + "/1.0.0 (1 step)");
            assertThat(again.getOutput()).isEqualTo("already registered, unchanged: cli_it/" + name + "/1.0.0 (1 step)");
            assertThat(conflict.exitCode()).as(conflict.getOutput()).isEqualTo(ExitCodes.USAGE);
            assertThat(conflict.getErrorOutput()).contains("error: template cli_it/" + name + "/1.0.0 is already "
                    + "registered with a different definition").contains("'tasker-cli template get cli_it " + name
                    + " --version 1.0.0 -o yaml'");
            assertThat(got.exitCode()).as(got.getErrorOutput()).isZero();
            assertThat(got.getOutput()).contains("\"handler\" : \"test.first\"");
        }

        @Test
        void lintNamesTheLineOfAnUnknownField() throws IOException {
            String typo = Files.writeString(dir.resolve("typo.yaml"), """
                    namespace: cli_it
                    name: typo
                    version: "1.0.0"
                    steps:
                      - name: only
                        handler: test.only
                        dependancies: []
                    """).toString();

            CliResult result = launcher.launch("template", "lint", typo);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.getOutput()).startsWith(typo + ":7: steps[0].dependancies: unknown field 'dependancies'");
        }
    }

    /** Worker and system commands; the stack's worker registers as java-integration-worker. */
    @Nested
    class Workers {

        @RegisterExtension
        final TaskerIntegration it = new TaskerIntegration();

        private static final String WORKER_ID = "java-integration-worker";
        private static final String SECOND_ID = "java-integration-worker-2";
        private static final Duration REGISTRATION_DEADLINE = Duration.ofSeconds(60);
        /** The file Dev Services started (quarkus.compose.devservices.files, relative to this module). */
        private static final Path COMPOSE_FILE =
                Path.of(System.getProperty("basedir", "."), "..", "compose-devservices.yml").normalize();

        /** The worker registers while it starts; poll the registry (each launch takes about a second) until it has. */
        private static CliResult untilRegistered(CliLauncher launcher, String... args) {
            long deadline = System.nanoTime() + REGISTRATION_DEADLINE.toNanos();
            CliResult result = launcher.launch(args);
            while (!result.getOutput().contains(WORKER_ID) && System.nanoTime() < deadline) {
                result = launcher.launch(args);
            }
            return result;
        }

        @Test
        void workerListShowsTheRunningWorker() {
            CliResult result = untilRegistered(launcher, "worker", "list");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getOutput()).containsPattern(WORKER_ID + " +active +\\S*linear_workflow");
        }

        @Test
        void workerHealthAllJudgesTheRunningWorkerByItsHeartbeats() {
            untilRegistered(launcher, "worker", "list");

            // Its registered URL (worker:8081) resolves only inside the compose network: the registry answers.
            CliResult result = launcher.launch("worker", "health", "--all");
            CliResult status = launcher.launch("worker", "status", "--id", WORKER_ID);

            assertThat(result.exitCode()).as(result.getOutput() + result.getErrorOutput()).isZero();
            assertThat(result.getOutput()).containsPattern(WORKER_ID + " +healthy +heartbeat +http://worker:8081")
                    .contains("running, ");
            assertThat(status.exitCode()).as(status.getErrorOutput()).isZero();
            assertThat(status.getOutput()).containsPattern("status +running").contains("its last heartbeat, ");
        }

        /**
         * The compose profile's second worker, started for this test and then stopped: healthy from the registry
         * while it heartbeats, unhealthy as soon as it has stopped. (The stack's own worker would come back on a
         * new host port, which the other CLI tests of this run were given at launch.)
         */
        @Test
        void aStoppedWorkerIsUnhealthyWithinOneHeartbeatInterval() {
            ComposeProject project = ComposeProject.ofThisRun();
            project.startProfileService(COMPOSE_FILE, "two-workers", "worker-2");
            try {
                long deadline = System.nanoTime() + REGISTRATION_DEADLINE.toNanos();
                CliResult up = launcher.launch("worker", "health", "--id", SECOND_ID);
                while (up.exitCode() != 0 && System.nanoTime() < deadline) {
                    up = launcher.launch("worker", "health", "--id", SECOND_ID);
                }
                assertThat(up.exitCode()).as(up.getOutput() + up.getErrorOutput()).isZero();
                assertThat(up.getOutput()).containsPattern(SECOND_ID + " +healthy +heartbeat");
            } finally {
                project.remove("worker-2");
            }
            long stopped = System.nanoTime();
            CliResult down = launcher.launch("worker", "health", "--id", SECOND_ID);
            Duration after = Duration.ofNanos(System.nanoTime() - stopped);
            CliResult all = launcher.launch("worker", "health", "--all");

            assertThat(down.exitCode()).as(down.getOutput()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(down.getOutput()).containsPattern(SECOND_ID + " +unhealthy +heartbeat");
            assertThat(down.getErrorOutput()).contains("error: worker " + SECOND_ID + " is unhealthy: deregistered at ");
            assertThat(after).as("time to the verdict, against one heartbeat interval").isLessThan(Duration.ofSeconds(5));
            // --all skips deregistered workers: the stack's own worker is still healthy.
            assertThat(all.exitCode()).as(all.getOutput() + all.getErrorOutput()).isZero();
            assertThat(all.getOutput()).doesNotContain(SECOND_ID);
        }

        @Test
        void workerStatusOfTheConfiguredWorker() {
            CliResult result = launcher.launch("worker", "status");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getOutput()).containsPattern("worker +" + WORKER_ID).containsPattern("status +running");
        }

        @Test
        void systemInfoShowsVersionsNamespacesAndTheWorker() {
            CliResult result = untilRegistered(launcher, "system", "info");

            assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
            assertThat(result.getOutput())
                    .containsPattern("orchestration +http://localhost:\\d+ +healthy +version ")
                    .containsPattern("worker +http://localhost:\\d+ +healthy")
                    .containsPattern("linear_workflow +\\d+")
                    .containsPattern(WORKER_ID + " +active");
        }
    }
}
