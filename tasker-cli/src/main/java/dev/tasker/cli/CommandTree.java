package dev.tasker.cli;

import dev.tasker.cli.config.ConfigInitCommand;
import dev.tasker.cli.config.ConfigShowCommand;
import dev.tasker.cli.config.ConfigCommand;
import dev.tasker.cli.step.StepCommand;
import dev.tasker.cli.step.StepResolveCommand;
import dev.tasker.cli.system.SystemCommand;
import dev.tasker.cli.system.SystemHealthCommand;
import dev.tasker.cli.system.SystemInfoCommand;
import dev.tasker.cli.task.TaskCancelCommand;
import dev.tasker.cli.task.TaskCommand;
import dev.tasker.cli.task.TaskCreateCommand;
import dev.tasker.cli.task.TaskGetCommand;
import dev.tasker.cli.task.TaskGraphCommand;
import dev.tasker.cli.task.TaskHistoryCommand;
import dev.tasker.cli.task.TaskListCommand;
import dev.tasker.cli.task.TaskRetryCommand;
import dev.tasker.cli.task.TaskStepsCommand;
import dev.tasker.cli.task.TaskWaitCommand;
import dev.tasker.cli.task.TaskWatchCommand;
import dev.tasker.cli.template.TemplateCommand;
import dev.tasker.cli.template.TemplateGetCommand;
import dev.tasker.cli.template.TemplateLintCommand;
import dev.tasker.cli.template.TemplateListCommand;
import dev.tasker.cli.template.TemplateRegisterCommand;
import dev.tasker.cli.worker.WorkerCommand;
import dev.tasker.cli.worker.WorkerHealthCommand;
import dev.tasker.cli.worker.WorkerListCommand;
import dev.tasker.cli.worker.WorkerStatusCommand;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The CLI's commands below {@link TaskerCli}, in the one place they are listed. They are added to the command line
 * here rather than by {@code @Command(subcommands = ...)}, since picocli builds the model of every annotated
 * subcommand eagerly, and building all 30 took a quarter of a command's start-up: a run adds only the commands its
 * arguments can name ({@link #forArguments}), help, completion and the tests the whole tree ({@link #addAll}).
 */
public record CommandTree(Class<?> type, List<CommandTree> children) {

    public static final CommandTree ROOT = node(TaskerCli.class,
            node(TaskCommand.class, leaves(TaskCreateCommand.class, TaskGetCommand.class, TaskListCommand.class,
                    TaskCancelCommand.class, TaskWaitCommand.class, TaskWatchCommand.class, TaskRetryCommand.class,
                    TaskStepsCommand.class, TaskHistoryCommand.class, TaskGraphCommand.class)),
            node(StepCommand.class, leaves(StepResolveCommand.class)),
            node(TemplateCommand.class, leaves(TemplateListCommand.class, TemplateGetCommand.class,
                    TemplateRegisterCommand.class, TemplateLintCommand.class)),
            node(WorkerCommand.class, leaves(WorkerListCommand.class, WorkerStatusCommand.class,
                    WorkerHealthCommand.class)),
            node(SystemCommand.class, leaves(SystemHealthCommand.class, SystemInfoCommand.class)),
            node(ConfigCommand.class, leaves(ConfigShowCommand.class, ConfigInitCommand.class)),
            node(CompletionCommand.class));

    public CommandTree {
        children = List.copyOf(children);
    }

    /** The name picocli gives the command: its {@code @Command(name)}. */
    public String name() {
        return type.getAnnotation(Command.class).name();
    }

    /** Adds every command below the root to {@code root}, a command line of {@link TaskerCli}. */
    public static CommandLine addAll(CommandLine root) {
        ROOT.addTo(root, child -> true);
        return root;
    }

    /**
     * Adds the commands {@code args} can name: at each level the children whose name is one of the arguments, or
     * all of them where none is (so that a mistyped name still gets picocli's suggestions, and a group's help lists
     * its commands). An option's value that happens to be a command's name only adds that command, never hides one.
     */
    public static CommandLine forArguments(CommandLine root, String... args) {
        Set<String> named = new HashSet<>(List.of(args));
        if (named.contains(CompletionCommand.NAME)) {
            return addAll(root);
        }
        ROOT.addTo(root, child -> named.contains(child.name()));
        return root;
    }

    private void addTo(CommandLine commandLine, Predicate<CommandTree> named) {
        Collection<CommandTree> chosen = children.stream().filter(named).toList();
        // Top-down, so that each command has its parent's inherited options before its own children copy them.
        for (CommandTree child : chosen.isEmpty() ? children : chosen) {
            CommandLine added = new CommandLine(child.type, commandLine.getFactory());
            commandLine.addSubcommand(child.name(), added);
            child.addTo(added, named);
        }
    }

    private static CommandTree node(Class<?> type, CommandTree... children) {
        return new CommandTree(type, List.of(children));
    }

    private static CommandTree[] leaves(Class<?>... types) {
        return java.util.Arrays.stream(types).map(CommandTree::node).toArray(CommandTree[]::new);
    }
}
