package dev.switchboard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code switchboard help [COMMAND...]}: the help of any command in the tree ({@code help daily numbers}). It
 * replaces picocli's HelpCommand, which declares a {@code -h} of its own and so cannot sit under a root whose
 * {@code -h} every command inherits.
 */
@Command(name = HelpTopicCommand.NAME, helpCommand = true,
        description = HelpTopicCommand.SUMMARY)
final class HelpTopicCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    static final String NAME = "help";
    static final String SUMMARY = "Show the help of a command, e.g. 'switchboard help transfer apply'.";

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommands) to explain.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine command = self.getParent();
        for (String name : path) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(command, "Unknown command '" + name + "'.", null, name);
            }
            command = next;
        }
        command.usage(out != null ? out : new PrintWriter(new PrintStream(System.out), true), colors);
    }
}
