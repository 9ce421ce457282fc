package dev.tasker.cli.template;

import picocli.CommandLine.Command;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "The orchestration's template registry, and template files checked offline.")
public class TemplateCommand {
}
