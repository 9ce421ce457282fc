package dev.tasker.cli.template;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateFinding;
import dev.tasker.api.template.TemplateYaml;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.Failure;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import dev.tasker.client.error.ConflictException;
import dev.tasker.client.orchestration.RegisteredTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a template file's version with the orchestration. The file is checked first as "
                + "'template lint' does, and nothing is sent when it has problems. Versions are immutable: the "
                + "same definition again changes nothing; a different one under an existing version is refused - "
                + "register it under a new version.",
        footer = {"", "Example: tasker-cli template register templates/order_fulfillment.yaml",
            "", "Exit codes: 0 registered, or already registered with this definition; 2 the file cannot be read "
                + "or is invalid, or its version is registered with a different definition (conflict); "
                + "4 unreachable; 5 not allowed (needs templates:write)."})
public class TemplateRegisterCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "FILE", description = "A template file (YAML).")
    String file;

    public TemplateRegisterCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        TemplateYaml.Checked checked = new TemplateFiles(session.host()).check(file);
        if (!checked.valid()) {
            checked.findings().stream().map(TemplateFinding::describe).forEach(session.output()::note);
            session.output().note("error: " + file + " is not a valid template; nothing was registered");
            return ExitCodes.USAGE;
        }
        session.verbose("registering " + checked.template().key() + " from " + file);
        RegisteredTemplate registered;
        try {
            registered = session.client().orchestration().registerTemplate(checked.template());
        } catch (ConflictException e) {
            TaskTemplate t = checked.template();
            throw new CliException(ExitCodes.USAGE, e.getMessage() + Failure.answer(e) + " (compare with 'tasker-cli "
                    + "template get " + t.namespace() + " " + t.name() + " --version " + t.version() + " -o yaml', "
                    + "and give the changed file a new version)");
        }
        session.output().print(registered, r -> (r.created() ? "registered " : "already registered, unchanged: ")
                + r.template().key() + " (" + TemplateViews.steps(r.template().steps().size()) + ")\n");
        return ExitCodes.OK;
    }
}
