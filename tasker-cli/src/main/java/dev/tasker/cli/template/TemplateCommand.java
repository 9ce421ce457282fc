package dev.tasker.cli.template;

import picocli.CommandLine.Command;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "The orchestration's template registry, and template files checked offline.",
        subcommands = {TemplateListCommand.class, TemplateGetCommand.class, TemplateRegisterCommand.class,
            TemplateLintCommand.class})
public class TemplateCommand {
}
