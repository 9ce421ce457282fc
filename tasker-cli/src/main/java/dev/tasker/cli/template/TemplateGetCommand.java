package dev.tasker.cli.template;

import dev.tasker.api.template.TaskTemplate;
import dev.tasker.api.template.TemplateSummary;
import dev.tasker.api.template.TemplateValidator;
import dev.tasker.cli.CliException;
import dev.tasker.cli.ExitCodes;
import dev.tasker.cli.NamespaceConverter;
import dev.tasker.cli.Session;
import dev.tasker.cli.SessionCommand;
import dev.tasker.cli.SessionFactory;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "One template's definition: its steps, handlers, dependencies, retry policies and "
                + "timeouts. Without --version, the newest registered version. -o yaml prints it as a template "
                + "file that 'template register' accepts.",
        footer = {"", "Example: tasker-cli template get linear_workflow mathematical_sequence --version 1.0.0",
            "", "Exit codes: 0 found; 2 invalid arguments; 3 no such template or version; 4 unreachable; "
                + "5 not allowed (needs tasks:read)."})
public class TemplateGetCommand extends SessionCommand {

    /** Newest first by numeric version: 1.10.0 after 1.9.0. */
    private static final Comparator<String> BY_VERSION = Comparator.comparing(
            (String v) -> Arrays.stream(v.split("\\.")).mapToLong(Long::parseLong).toArray(), Arrays::compare);

    @Parameters(index = "0", paramLabel = "NAMESPACE", converter = NamespaceConverter.class, description = "The template's namespace.")
    String namespace;

    @Parameters(index = "1", paramLabel = "NAME", description = "The template's name.")
    String name;

    @Option(names = "--version", paramLabel = "V", description = "The version, e.g. 1.0.0 (default: the newest).")
    String version;

    public TemplateGetCommand(SessionFactory sessions) {
        super(sessions);
    }

    @Override
    protected int run(Session session) {
        check(TemplateValidator.NAME.matcher(name).matches(), "NAME '" + name
                + "' must be 1-128 characters of letters, digits, '_', '.' and '-'");
        check(version == null || TemplateValidator.VERSION.matcher(version).matches(), "--version '" + version
                + "' must look like 1.0.0");
        String wanted = version != null ? version : newest(session);
        session.verbose("reading template " + namespace + "/" + name + "/" + wanted);
        TaskTemplate template = session.client().orchestration().template(namespace, name, wanted);
        session.output().print(template, t -> TemplateViews.definition(t, session.output().style()));
        return ExitCodes.OK;
    }

    private String newest(Session session) {
        List<TemplateSummary> inNamespace = session.client().orchestration().templates(namespace).templates();
        return inNamespace.stream().filter(t -> t.name().equals(name)).map(TemplateSummary::version)
                .max(BY_VERSION)
                .orElseThrow(() -> new CliException(ExitCodes.NOT_FOUND, "no template " + namespace + "/" + name
                        + " is registered" + (inNamespace.isEmpty() ? " (namespace " + namespace + " has none)"
                        : " (namespace " + namespace + " has: " + inNamespace.stream().map(TemplateSummary::name)
                                .distinct().sorted().collect(Collectors.joining(", ")) + ")")));
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
