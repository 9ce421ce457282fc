package dev.tasker.cli.template;

import dev.tasker.api.template.TemplateFinding;
import dev.tasker.api.template.TemplateYaml;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check template files offline, with the reader and validator the services use: strict "
                + "YAML (an unknown field is an error), names and versions, handlers, retry policies and timeouts, "
                + "dependencies on unknown steps, duplicate names and cycles. Each problem is printed as "
                + "FILE:LINE: FIELD: MESSAGE. Contacts no service.",
        footer = {"", "Example: tasker-cli template lint templates/*.yaml",
            "", "Exit codes: 0 every file is valid; 2 a file is invalid or cannot be read."})
public class TemplateLintCommand extends SessionCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Template files (YAML).")
    List<String> files;

    public TemplateLintCommand(SessionFactory sessions) {
        super(sessions);
    }

    /** The lint result of one file, as -o json prints it. */
    public record FileReport(String file, boolean valid, String template, Integer steps,
            List<TemplateFinding> findings) {

        static FileReport of(TemplateYaml.Checked c) {
            return new FileReport(c.source(), c.valid(), c.template() == null ? null : c.template().key(),
                    c.template() == null ? null : c.template().steps().size(), c.findings());
        }
    }

    /** Every file's result. */
    public record LintReport(List<FileReport> files) {
    }

    @Override
    protected int run(Session session) {
        TemplateFiles reader = new TemplateFiles(session.host());
        List<FileReport> reports = files.stream().map(reader::check).map(FileReport::of).toList();
        LintReport report = new LintReport(reports);
        session.output().printItems(report, reports, r -> table(r.files()));
        return reports.stream().allMatch(FileReport::valid) ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private static String table(List<FileReport> reports) {
        StringBuilder text = new StringBuilder();
        for (FileReport r : reports) {
            if (r.valid()) {
                text.append(r.file()).append(": valid (").append(r.template()).append(", ")
                        .append(TemplateViews.steps(r.steps())).append(")\n");
            } else {
                r.findings().forEach(f -> text.append(f.describe()).append('\n'));
            }
        }
        return text.toString();
    }
}
