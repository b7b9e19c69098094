package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ErrorReporter;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JsonErrors;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * Builds the picocli command tree. Every command and mixin class may declare a constructor taking a
 * {@link CliContext}; the factory passes the context in, so commands never reach for globals.
 */
final class CommandLineFactory implements CommandLine.IFactory {
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
            boolean json = JsonErrors.requested(parseResult.originalArgs().toArray(String[]::new));
            return new ErrorReporter(context.err(), debugRequested(parseResult), json).report(ex);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            if (JsonErrors.requested(args)) {
                context.err().println(ErrorReporter.json(ExitCode.INVALID_INPUT, ex.getMessage()));
                context.err().flush();
                return ExitCode.INVALID_INPUT;
            }
            context.err().println("switchboard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, context.err());
            context.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCode.INVALID_INPUT;
        });
        return commandLine;
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
