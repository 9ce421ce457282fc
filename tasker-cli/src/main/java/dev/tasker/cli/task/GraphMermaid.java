package dev.tasker.cli.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DAG as a Mermaid flowchart ({@code graph TD}): one node per step labelled with its state, one edge per
 * dependency, and a colour class per state. Node ids are generated (s0, s1, ...) because step names may hold
 * characters Mermaid reads as syntax.
 */
final class GraphMermaid {

    private static final Map<String, String> STATE_STYLES = Map.of(
            "complete", "fill:#d4edda,stroke:#28a745",
            "resolved_manually", "fill:#d4edda,stroke:#28a745",
            "error", "fill:#f8d7da,stroke:#dc3545",
            "cancelled", "fill:#e2e3e5,stroke:#6c757d",
            "in_progress", "fill:#fff3cd,stroke:#ffc107");

    private GraphMermaid() {
    }

    static String render(TaskGraph graph) {
        Map<String, String> ids = new LinkedHashMap<>();
        graph.nodes().forEach(n -> ids.put(n.name(), "s" + ids.size()));
        StringBuilder out = new StringBuilder("graph TD\n");
        for (TaskGraph.Node n : graph.nodes()) {
            out.append("    ").append(ids.get(n.name())).append("[\"").append(escape(n.name())).append("<br/>")
                    .append(escape(n.state())).append("\"]\n");
        }
        for (TaskGraph.Node n : graph.nodes()) {
            for (String parent : n.dependencies()) {
                out.append("    ").append(ids.get(parent)).append(" --> ").append(ids.get(n.name())).append('\n');
            }
        }
        Map<String, List<String>> byState = graph.nodes().stream().filter(n -> STATE_STYLES.containsKey(n.state()))
                .collect(Collectors.groupingBy(TaskGraph.Node::state, LinkedHashMap::new,
                        Collectors.mapping(n -> ids.get(n.name()), Collectors.toList())));
        byState.forEach((state, nodes) -> out.append("    classDef ").append(state).append(' ')
                .append(STATE_STYLES.get(state)).append('\n')
                .append("    class ").append(String.join(",", nodes)).append(' ').append(state).append('\n'));
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
