package dev.tasker.cli.task;

import dev.tasker.cli.output.Style;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DAG as an indented tree from its root steps. A step with several parents appears under each of them; its own
 * children are shown at its first appearance only, and later appearances say "(see above)", so a diamond stays
 * small and every edge is still visible.
 */
final class GraphTree {

    static final String SEE_ABOVE = "(see above)";

    private final TaskGraph graph;
    private final Style style;
    private final Set<String> shown = new HashSet<>();
    private final StringBuilder out = new StringBuilder();

    private GraphTree(TaskGraph graph, Style style) {
        this.graph = graph;
        this.style = style;
    }

    static String render(TaskGraph graph, Style style) {
        GraphTree tree = new GraphTree(graph, style);
        for (TaskGraph.Node root : graph.roots()) {
            tree.node(root, "", "", "");
        }
        return tree.out.toString();
    }

    private void node(TaskGraph.Node node, String indent, String branch, String childIndent) {
        boolean repeat = !shown.add(node.name());
        List<TaskGraph.Node> children = graph.children(node);
        out.append(indent).append(branch).append(node.name()).append(" [").append(style.state(node.state()))
                .append(']');
        if (repeat) {
            out.append(' ').append(SEE_ABOVE).append('\n');
            return;
        }
        out.append('\n');
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            node(children.get(i), indent + childIndent, last ? "└── " : "├── ", last ? "    " : "│   ");
        }
    }
}
