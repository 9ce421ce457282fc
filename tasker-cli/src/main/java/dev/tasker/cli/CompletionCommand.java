package dev.tasker.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = CompletionCommand.NAME, mixinStandardHelpOptions = true,
        description = "Print a shell completion script. bash: source <(tasker-cli completion bash); zsh: "
                + "source <(tasker-cli completion zsh).")
public class CompletionCommand implements Callable<Integer> {

    /** zsh runs picocli's bash script through its bash-completion emulation. */
    static final String ZSH_PREAMBLE = """
            autoload -U +X compinit && compinit
            autoload -U +X bashcompinit && bashcompinit
            """;

    static final String NAME = "completion";

    enum Shell { BASH, ZSH }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(shell == Shell.ZSH ? ZSH_PREAMBLE + script : script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
