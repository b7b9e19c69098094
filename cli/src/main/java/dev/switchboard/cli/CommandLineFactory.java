package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ErrorReporter;
import dev.switchboard.cli.support.ExitCode;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * Builds the picocli command tree. Every command and mixin class may declare a constructor taking a
 * {@link CliContext}; the factory passes the context in, so commands never reach for globals.
 */
final class CommandLineFactory implements CommandLine.IFactory {
    /** Set to 1 for stack traces from any command (also those without {@code --debug}). */
    static final String DEBUG_VARIABLE = "SWITCHBOARD_DEBUG";
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    private CommandLineFactory(CliContext context) {
        this.context = context;
    }

    static CommandLine create(CliContext context) {
        CommandLine commandLine = new CommandLine(SwitchboardCommand.class, new CommandLineFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            boolean debugFlag = acceptsDebug(parseResult);
            return ErrorReporter.of(context, debugRequested(parseResult) || "1".equals(context.environment().get(DEBUG_VARIABLE)),
                    debugFlag ? "--debug" : DEBUG_VARIABLE + "=1").report(ex);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            context.err().println("switchboard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, context.err());
            context.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCode.INVALID_INPUT;
        });
        return commandLine;
    }

    /** Whether the command that ran has a {@code --debug} option (otherwise the hint names the variable). */
    private static boolean acceptsDebug(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current.hasSubcommand()) {
            current = current.subcommand();
        }
        return current.commandSpec().findOption("--debug") != null;
    }

    private static boolean debugRequested(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current != null) {
            if (current.hasMatchedOption("--debug")) {
                return true;
            }
            current = current.hasSubcommand() ? current.subcommand() : null;
        }
        return false;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
