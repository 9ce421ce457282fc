package dev.tasker.orchestration.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.orchestration.support.Api;
import dev.tasker.orchestration.support.Fixture;
import dev.tasker.orchestration.support.TestTemplates;
import dev.tasker.orchestration.support.TestWorker;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each example DAG shape, runs a task to completion one "wave" at a time: the steps enqueued together are
 * exactly those whose parents are all complete, and nothing else is ever enqueued early.
 */
@QuarkusTest
class ReadinessTest {

    @Inject
    Fixture fx;

    static List<Arguments> shapes() {
        return List.of(
                Arguments.of("linear", (Function<String, TaskTemplate>) TestTemplates::linear, List.of(
                        Set.of("linear_step_1"), Set.of("linear_step_2"), Set.of("linear_step_3"),
                        Set.of("linear_step_4"))),
                Arguments.of("diamond", (Function<String, TaskTemplate>) TestTemplates::diamond, List.of(
                        Set.of("diamond_start"), Set.of("diamond_branch_b", "diamond_branch_c"),
                        Set.of("diamond_end"))),
                Arguments.of("tree", (Function<String, TaskTemplate>) TestTemplates::tree, List.of(
                        Set.of("tree_root"), Set.of("tree_branch_left", "tree_branch_right"),
                        Set.of("tree_leaf_d", "tree_leaf_e", "tree_leaf_f", "tree_leaf_g"),
                        Set.of("tree_final_convergence"))),
                Arguments.of("mixed_dag", (Function<String, TaskTemplate>) TestTemplates::mixedDag, List.of(
                        Set.of("dag_init"), Set.of("dag_process_left", "dag_process_right"),
                        Set.of("dag_validate", "dag_transform", "dag_analyze"), Set.of("dag_finalize"))),
                Arguments.of("order", (Function<String, TaskTemplate>) TestTemplates::orderFulfillment, List.of(
                        Set.of("validate_order"), Set.of("reserve_inventory"), Set.of("process_payment"),
                        Set.of("ship_order"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void stepsBecomeReadyExactlyWhenTheirParentsComplete(String shape, Function<String, TaskTemplate> build,
            List<Set<String>> expectedWaves) {
        String ns = TestTemplates.uniqueNamespace("ready");
        TaskTemplate template = build.apply(ns);
        fx.templates().register(template);
        Api api = fx.api();
        TestWorker worker = fx.worker("test-worker");

        TaskResponse created = api.create(ns, template.name(), JsonNodeFactory.instance.objectNode());
        assertThat(created.status()).isEqualTo(TaskState.STEPS_IN_PROCESS);
        assertThat(created.readySteps()).isZero();
        assertThat(enqueued(created)).isEqualTo(new TreeSet<>(expectedWaves.get(0)));

        List<Set<String>> waves = new ArrayList<>();
        UUID task = created.taskUuid();
        for (int i = 0; i < expectedWaves.size(); i++) {
            int expectedSize = expectedWaves.get(i).size();
            List<TestWorker.Claim> claims = worker.awaitClaims(ns, expectedSize, Duration.ofSeconds(10));
            waves.add(claims.stream().map(TestWorker.Claim::name).collect(Collectors.toCollection(TreeSet::new)));
            for (TestWorker.Claim c : claims) {
                assertThat(worker.succeed(c, JsonNodeFactory.instance.objectNode().put("result", 1))).isTrue();
            }
            // A success is applied in the report's own transaction: the next wave is enqueued already.
            TaskResponse now = api.get(task);
            if (i + 1 < expectedWaves.size()) {
                assertThat(enqueued(now)).as("enqueued after wave " + i).isEqualTo(
                        new TreeSet<>(expectedWaves.get(i + 1)));
            }
        }
        assertThat(waves).containsExactlyElementsOf(
                expectedWaves.stream().map(TreeSet::new).map(s -> (Set<String>) s).toList());
        TaskResponse done = api.awaitState(task, TaskState.COMPLETE, Duration.ofSeconds(10));
        assertThat(done.completionPercentage()).isEqualTo(100.0);
        assertThat(done.completedSteps()).isEqualTo(done.totalSteps());
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.executionStatus().wire()).isEqualTo("all_complete");
    }

    private static Set<String> enqueued(TaskResponse task) {
        return task.steps().stream().filter(s -> s.currentState() == StepState.ENQUEUED)
                .map(s -> s.name()).collect(Collectors.toCollection(TreeSet::new));
    }
}
