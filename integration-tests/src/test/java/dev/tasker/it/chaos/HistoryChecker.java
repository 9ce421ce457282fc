package dev.tasker.it.chaos;

import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.api.task.TaskResponse;
import dev.tasker.api.task.TaskSummary;
import dev.tasker.client.error.TaskTimeoutException;
import dev.tasker.it.RecordedMoves;
import dev.tasker.it.StackDatabase;
import dev.tasker.testing.Poll;
import dev.tasker.testing.TaskStates;
import dev.tasker.testing.TestRun;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * After the soak: every task ended with its expected outcome and exact results, and the whole recorded history
 * holds the invariants: each task entered a terminal state once, each step's result was recorded at most once
 * (once for each step of a complete task), each attempt was recorded once and none beyond the retry limit, every
 * transition is one the state machine allows, no message is left in a queue and no claim is left open. Collects
 * every violation rather than stopping at the first, so the report lists them all.
 */
final class HistoryChecker {

    /** The faults are healed; what is left to finish is bounded by the longest recovery (FaultChecks.RECOVERY). */
    static final Duration SETTLE = Duration.ofMinutes(4);

    private final TestRun run;
    private final List<String> violations = new ArrayList<>();
    private final Map<TaskKind, Map<Verdict, Integer>> verdicts = new EnumMap<>(TaskKind.class);
    private final Map<String, String> invariants = new java.util.LinkedHashMap<>();

    HistoryChecker(TestRun run) {
        this.run = run;
    }

    void check(List<SubmittedTask> submitted) throws SQLException {
        Map<UUID, TaskResponse> ended = awaitEnded(submitted);
        checkListed(submitted);
        try (Connection c = StackDatabase.open(run.stack())) {
            Set<UUID> ids = submitted.stream().map(SubmittedTask::task).collect(Collectors.toSet());
            Map<UUID, List<StepHistory>> steps = StepHistory.of(c, ids).stream()
                    .collect(Collectors.groupingBy(StepHistory::task));
            for (SubmittedTask s : submitted) {
                TaskResponse task = ended.get(s.task());
                Verdict v = task == null ? Verdict.VIOLATION
                        : judge(s, task, steps.getOrDefault(s.task(), List.of()));
                verdicts.computeIfAbsent(s.kind(), k -> new EnumMap<>(Verdict.class)).merge(v, 1, Integer::sum);
            }
            checkSteps(steps, ended);
            checkTerminalOnce(c, ended);
        }
        checkMoves();
        checkDrained();
    }

    /** Every task terminal within the settle time; one that is not is a violation, named with its last state. */
    private Map<UUID, TaskResponse> awaitEnded(List<SubmittedTask> submitted) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<UUID, TaskResponse> ended = new HashMap<>();
        for (SubmittedTask s : submitted) {
            Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
            try {
                ended.put(s.task(), run.stack().orchestration().waitForCompletion(s.task(), left));
            } catch (TaskTimeoutException e) {
                violation(s, "did not end within " + SETTLE.toMinutes() + " min of the last fault's heal: "
                        + TaskStates.describe(e.lastSeen()));
            }
        }
        return ended;
    }

    /** None lost, none made twice: the tasks carrying the run's tag are exactly those the load was answered. */
    private void checkListed(List<SubmittedTask> submitted) {
        Set<UUID> listed = run.ownTasks().stream().map(TaskSummary::taskUuid).collect(Collectors.toSet());
        Set<UUID> expected = submitted.stream().map(SubmittedTask::task).collect(Collectors.toSet());
        Set<UUID> extra = new HashSet<>(listed);
        extra.removeAll(expected);
        Set<UUID> missing = new HashSet<>(expected);
        missing.removeAll(listed);
        invariant("tasks listed with the run's tag = tasks created", listed.size() + " listed, " + expected.size()
                + " created", extra.isEmpty() && missing.isEmpty());
        extra.forEach(t -> violations.add("task " + t + " carries the run's tag but no create was answered with it"
                + " (a create applied twice?)"));
        missing.forEach(t -> violations.add("task " + t + " was created but is not listed"));
    }

    private Verdict judge(SubmittedTask s, TaskResponse task, List<StepHistory> steps) {
        OutcomeJudge.Judgement j = OutcomeJudge.judge(s.expected(), task, steps);
        if (j.verdict() == Verdict.VIOLATION) {
            violation(s, j.why() + "; got " + TaskStates.describe(task));
        }
        return j.verdict();
    }

    private void checkSteps(Map<UUID, List<StepHistory>> steps, Map<UUID, TaskResponse> ended) {
        long resultTwice = 0;
        long attemptMiscounted = 0;
        long pastLimit = 0;
        long completeWithout = 0;
        long all = 0;
        for (List<StepHistory> ofTask : steps.values()) {
            for (StepHistory h : ofTask) {
                all++;
                if (h.completions() > 1) {
                    resultTwice++;
                    violations.add("step " + h.name() + " of task " + h.task() + ": result recorded "
                            + h.completions() + " times");
                }
                if (h.claims() != h.attempts()) {
                    attemptMiscounted++;
                    violations.add("step " + h.name() + " of task " + h.task() + ": " + h.attempts()
                            + " attempts counted, " + h.claims() + " claims recorded");
                }
                if (h.attempts() > h.retryLimit()) {
                    pastLimit++;
                    violations.add("step " + h.name() + " of task " + h.task() + ": " + h.attempts()
                            + " attempts, retry limit " + h.retryLimit());
                }
                TaskResponse task = ended.get(h.task());
                if (task != null && task.status() == TaskState.COMPLETE
                        && (h.completions() != 1 || !h.state().equals(StepState.COMPLETE.wire()))) {
                    completeWithout++;
                    violations.add("step " + h.name() + " of complete task " + h.task() + ": " + h.state() + ", "
                            + h.completions() + " results recorded");
                }
            }
        }
        invariant("each step's result recorded at most once", all + " steps, " + resultTwice + " twice",
                resultTwice == 0);
        invariant("each step of a complete task complete, its result recorded once", completeWithout
                + " not", completeWithout == 0);
        invariant("each attempt recorded once (claims = attempts)", attemptMiscounted + " steps differ",
                attemptMiscounted == 0);
        invariant("no attempt beyond the retry limit", pastLimit + " steps beyond", pastLimit == 0);
    }

    private void checkTerminalOnce(Connection c, Map<UUID, TaskResponse> ended) throws SQLException {
        String terminal = TaskState.terminal().stream().map(s -> "'" + s.wire() + "'")
                .collect(Collectors.joining(", "));
        Map<UUID, Long> entries = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task_uuid, count(*) FILTER (WHERE to_state::text IN ("
                + terminal + ")) FROM tasker_task_transitions WHERE task_uuid = ANY (?) GROUP BY task_uuid")) {
            Array ids = c.createArrayOf("uuid", ended.keySet().toArray());
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
        }
        long wrong = ended.keySet().stream().filter(t -> entries.getOrDefault(t, 0L) != 1).peek(t -> violations.add(
                "task " + t + " entered a terminal state " + entries.getOrDefault(t, 0L) + " times")).count();
        invariant("each task entered a terminal state once", ended.size() + " tasks, " + wrong + " not once",
                wrong == 0);
    }

    private void checkMoves() throws SQLException {
        List<RecordedMoves.Move> moves = RecordedMoves.of(run.stack());
        List<RecordedMoves.Move> refused = moves.stream().filter(m -> !m.allowed()).toList();
        refused.forEach(m -> violations.add("a move the state machine does not allow: " + m));
        invariant("every recorded transition allowed by the state machine", moves.size() + " distinct moves, "
                + refused.size() + " not allowed", refused.isEmpty());
    }

    /**
     * No queue message and no open claim once every task has ended. A message a killed worker held comes back after
     * its visibility timeout (30 s) to be discarded, so both are awaited, within the settle time.
     */
    private void checkDrained() {
        String left;
        try {
            left = Poll.of("every queue to be empty and no step claimed", this::leftOver)
                    .every(Duration.ofSeconds(2)).until(String::isEmpty, SETTLE);
        } catch (AssertionError e) {
            left = e.getMessage();
            violations.add(left);
        }
        invariant("no message left in a queue, no claim left open", left.isEmpty() ? "none" : left,
                left.isEmpty());
    }

    private String leftOver() {
        try (Connection c = StackDatabase.open(run.stack()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT 'messages in ' || queue, count(*) FROM tasker_queue_messages GROUP BY queue
                        UNION ALL
                        SELECT 'steps in_progress', count(*) FROM tasker_workflow_steps
                         WHERE current_state = 'in_progress' HAVING count(*) > 0""")) {
            List<String> left = new ArrayList<>();
            while (rs.next()) {
                left.add(rs.getLong(2) + " " + rs.getString(1));
            }
            return String.join(", ", left);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void violation(SubmittedTask s, String what) {
        run.track(s.task()); // into the diagnostics report
        violations.add(s.kind() + " task " + s.task() + " (N " + s.n() + "): " + what);
    }

    private void invariant(String name, String detail, boolean holds) {
        invariants.put(name, (holds ? "holds" : "VIOLATED") + " (" + detail + ")");
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    Map<TaskKind, Map<Verdict, Integer>> verdicts() {
        return verdicts;
    }

    Map<String, String> invariants() {
        return invariants;
    }
}
