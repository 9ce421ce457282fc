package dev.tasker.cli.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasker.api.state.ExecutionStatus;
import dev.tasker.api.state.StepState;
import dev.tasker.api.state.TaskState;
import dev.tasker.cli.output.Style;
import dev.tasker.client.scripted.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskGraphRenderingTest {

    @Test
    void aDiamondIsATreeWhoseJoinAppearsUnderBothParents() {
        TaskGraph graph = TaskGraph.of(Fixtures.completedDiamond());

        assertThat(GraphTree.render(graph, Style.plain())).isEqualTo("""
                diamond_start [complete]
                ├── diamond_branch_b [complete]
                │   └── diamond_end [complete]
                └── diamond_branch_c [complete]
                    └── diamond_end [complete] (see above)
                """);
    }

    @Test
    void childrenOfARepeatedStepAreShownOnce() {
        var steps = List.of(
                Fixtures.step("a", StepState.COMPLETE, List.of(), 1),
                Fixtures.step("b", StepState.COMPLETE, List.of("a"), 1),
                Fixtures.step("c", StepState.IN_PROGRESS, List.of("a"), 1),
                Fixtures.step("join", StepState.PENDING, List.of("b", "c"), 1),
                Fixtures.step("after", StepState.PENDING, List.of("join"), 1));
        TaskGraph graph = TaskGraph.of(Fixtures.task(TaskState.STEPS_IN_PROCESS, ExecutionStatus.PROCESSING, steps, 2));

        assertThat(GraphTree.render(graph, Style.plain())).isEqualTo("""
                a [complete]
                ├── b [complete]
                │   └── join [pending]
                │       └── after [pending]
                └── c [in_progress]
                    └── join [pending] (see above)
                """);
    }

    @Test
    void statesAreColouredOnlyWhenAsked() {
        String coloured = GraphTree.render(TaskGraph.of(Fixtures.completedDiamond()), new Style(true));

        assertThat(coloured).contains("diamond_start [\u001B[32mcomplete\u001B[0m]");
    }

    @Test
    void mermaidHasOneNodePerStepAndOneEdgePerDependency() {
        String mermaid = GraphMermaid.render(TaskGraph.of(Fixtures.completedDiamond()));

        assertThat(mermaid).isEqualTo("""
                graph TD
                    s0["diamond_start<br/>complete"]
                    s1["diamond_branch_b<br/>complete"]
                    s2["diamond_branch_c<br/>complete"]
                    s3["diamond_end<br/>complete"]
                    s0 --> s1
                    s0 --> s2
                    s1 --> s3
                    s2 --> s3
                    classDef complete fill:#d4edda,stroke:#28a745
                    class s0,s1,s2,s3 complete
                """);
    }
}
