package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code switchboard completion bash|zsh}: prints picocli's completion script for the whole command tree. */
@Command(name = CompletionCommand.NAME,
        description = {CompletionCommand.SUMMARY,
                "bash: add  source <(switchboard completion bash)  to ~/.bashrc. zsh: add  source <(switchboard "
                        + "completion zsh)  to ~/.zshrc, or save the output as _switchboard in a directory on $fpath. "
                        + "The release packages install both scripts where the shells look."})
final class CompletionCommand implements Callable<Integer> {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    static final String NAME = "completion";
    static final String SUMMARY = "Prints the shell completion script for bash or zsh.";

    /** The shells the script serves. */
    enum Shell { bash, zsh }

    private final CliContext context;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("switchboard", Main.commandTree(context));
        context.out().print(shell == Shell.bash ? bash : zsh(bash));
        context.out().flush();
        return ExitCode.OK;
    }

    /**
     * picocli's script runs in zsh through zsh's bash-completion bridge when sourced. Autoloaded from $fpath as
     * {@code _switchboard}, the file is the body of the completion function: its first call registers the bash
     * functions, then must complete the word it was called for.
     */
    private static String zsh(String bash) {
        return "#compdef switchboard\n"
                + "# zsh completion for switchboard: source it from ~/.zshrc, or save it as _switchboard on $fpath.\n"
                + bash.replaceFirst("^#!.*\n", "")
                + "\nif [[ \"${funcstack[1]}\" == _switchboard ]]; then _bash_complete -F _complete_switchboard; fi\n";
    }
}
