package dev.switchboard.cli;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.Durations;
import dev.switchboard.cli.support.ErrorReporter;
import dev.switchboard.cli.support.ExitCode;
import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

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
        commandLine.registerConverter(Duration.class, new Durations());
        commandLine.setExecutionStrategy(parseResult -> {
            Integer helpShown = CommandLine.executeHelpRequest(parseResult);
            if (helpShown != null) {
                return helpShown;
            }
            CommandLine group = groupWithoutCommand(parseResult);
            if (group != null) {
                group.usage(context.out());
                context.out().flush();
                return ExitCode.OK;
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            boolean debug = debugRequested(parseResult) || DebugMixin.requested(context.environment());
            return new ErrorReporter(context.err(), debug).report(ex);
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

    /** {@code switchboard daily}: a group named without one of its commands shows its help. */
    private static CommandLine groupWithoutCommand(CommandLine.ParseResult parseResult) {
        List<CommandLine> parsed = parseResult.asCommandLineList();
        CommandLine last = parsed.get(parsed.size() - 1);
        Object command = last.getCommand();
        boolean runnable = command instanceof Runnable || command instanceof Callable<?>;
        return !runnable && !last.getSubcommands().isEmpty() ? last : null;
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
