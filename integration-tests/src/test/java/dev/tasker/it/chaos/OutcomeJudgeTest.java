package dev.tasker.it.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tasker.api.task.TaskResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chaos soak's judgement of one task, on tasks as the API returns them: it must catch what is wrong. */
class OutcomeJudgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Expected.Completes FLAKY = new Expected.Completes(Map.of("flaky_step.attempts", "3"), 2);
    private static final Expected.Completes LINEAR_6 = (Expected.Completes) TaskKind.LINEAR.expected(6);

    @Test
    void aCompleteTaskWithItsExactResultsIsAsExpected() {
        TaskResponse task = linear("complete", "36", "1296", "1679616", "2821109907456");

        assertThat(OutcomeJudge.judge(LINEAR_6, task, List.of()).verdict()).isEqualTo(Verdict.AS_EXPECTED);
    }

    @Test
    void aCompleteTaskWithOneWrongResultIsAViolationNamingIt() {
        TaskResponse task = linear("complete", "36", "1296", "1679616", "2821109907457");

        OutcomeJudge.Judgement j = OutcomeJudge.judge(LINEAR_6, task, List.of());

        assertThat(j.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(j.why()).contains("linear_step_4.result=2821109907457");
    }

    @Test
    void anErrorIsExplainedByFaultsOnlyWhenTheySpentTheRetryLimit() {
        TaskResponse failed = task("error", step("flaky_step", "error", null));

        // Two failures on purpose and one attempt the worker's loss ended: the limit of 3 is spent.
        assertThat(OutcomeJudge.judge(FLAKY, failed, List.of(history("flaky_step", "error", 3, 3, 1, 3))).verdict())
                .isEqualTo(Verdict.SPENT_BY_FAULTS);
        // Three handler failures: one more than the handler makes on purpose, a fault did not cause it.
        assertThat(OutcomeJudge.judge(FLAKY, failed, List.of(history("flaky_step", "error", 3, 3, 0, 3))).verdict())
                .isEqualTo(Verdict.VIOLATION);
        // In error with attempts left: nothing explains it.
        assertThat(OutcomeJudge.judge(FLAKY, failed, List.of(history("flaky_step", "error", 2, 3, 1, 2))).verdict())
                .isEqualTo(Verdict.VIOLATION);
    }

    @Test
    void aTaskThatMustFailAtAStepFailsThereOrIsAViolation() {
        Expected failsAtFirst = TaskKind.LINEAR_ODD.expected(7);

        assertThat(OutcomeJudge.judge(failsAtFirst, task("error", step("linear_step_1", "error", null)), List.of())
                .verdict()).isEqualTo(Verdict.AS_EXPECTED);
        assertThat(OutcomeJudge.judge(failsAtFirst, task("complete", step("linear_step_1", "complete", "49")),
                List.of()).verdict()).isEqualTo(Verdict.VIOLATION);
    }

    @Test
    void aCancelAnswered200MustLeaveTheTaskCancelledAndA409AllowsTheExactCompletion() {
        TaskResponse complete = linear("complete", "36", "1296", "1679616", "2821109907456");

        assertThat(OutcomeJudge.judge(new Expected.Cancelled(), complete, List.of()).verdict())
                .isEqualTo(Verdict.VIOLATION);
        assertThat(OutcomeJudge.judge(new Expected.CancelledOrCompletes(LINEAR_6), complete, List.of()).verdict())
                .isEqualTo(Verdict.AS_EXPECTED);
        assertThat(OutcomeJudge.judge(new Expected.CancelledOrCompletes(LINEAR_6), task("cancelled"), List.of())
                .verdict()).isEqualTo(Verdict.AS_EXPECTED);
    }

    private static TaskResponse linear(String status, String... results) {
        ObjectNode[] steps = new ObjectNode[results.length];
        for (int i = 0; i < results.length; i++) {
            steps[i] = step("linear_step_" + (i + 1), "complete", results[i]);
        }
        return task(status, steps);
    }

    private static TaskResponse task(String status, ObjectNode... steps) {
        ObjectNode task = JSON.createObjectNode().put("task_uuid", TASK.toString()).put("status", status);
        ArrayNode array = task.putArray("steps");
        for (ObjectNode s : steps) {
            array.add(s);
        }
        return JSON.convertValue(task, TaskResponse.class);
    }

    private static ObjectNode step(String name, String state, String result) {
        ObjectNode step = JSON.createObjectNode().put("name", name).put("current_state", state);
        if (result != null) {
            step.putObject("results").put("result", new java.math.BigInteger(result));
        }
        return step;
    }

    private static StepHistory history(String name, String state, int attempts, int limit, long faultEnded,
            long failures) {
        return new StepHistory(UUID.randomUUID(), TASK, name, state, attempts, limit, attempts,
                state.equals("complete") ? 1 : 0, faultEnded, failures);
    }
}
