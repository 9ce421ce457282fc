package dev.tasker.cli.template;

import dev.tasker.api.template.StepTemplate;
import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateSummary;
import dev.tasker.cli.output.Style;
import dev.tasker.cli.output.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table renderings of templates. */
final class TemplateViews {

    private TemplateViews() {
    }

    /** "1 step", "4 steps". */
    static String steps(int count) {
        return count + (count == 1 ? " step" : " steps");
    }

    static String list(List<TemplateSummary> templates, Style style) {
        if (templates.isEmpty()) {
            return "no templates registered\n";
        }
        return Table.of(templates)
                .column("NAMESPACE", TemplateSummary::namespace)
                .column("NAME", TemplateSummary::name)
                .column("VERSION", TemplateSummary::version)
                .column("STEPS", t -> t.stepNames() == null ? 0 : t.stepNames().size())
                .column("REGISTERED", TemplateSummary::createdAt)
                .textColumn("DESCRIPTION", t -> t.description() == null ? "-" : t.description())
                .render(style);
    }

    static String definition(TaskTemplate t, Style style) {
        List<Map.Entry<String, Object>> rows = new ArrayList<>();
        rows.add(Map.entry("template", t.key()));
        rows.add(Map.entry("description", t.description() == null ? "-" : t.description()));
        rows.add(Map.entry("default context", t.defaultContext().toString()));
        return Table.keyValues(rows) + "\n" + Table.of(t.steps())
                .column("STEP", StepTemplate::name)
                .column("HANDLER", StepTemplate::handler)
                .column("DEPENDS ON", s -> s.dependencies().isEmpty() ? "-" : String.join(", ", s.dependencies()))
                .column("RETRY", s -> s.retry().retryable() ? s.retry().limit() + " attempts, backoff "
                        + s.retry().backoffBaseMs() + "-" + s.retry().maxBackoffMs() + " ms" : "no")
                .column("TIMEOUT", s -> s.timeoutSeconds() + " s")
                .render(style);
    }
}
