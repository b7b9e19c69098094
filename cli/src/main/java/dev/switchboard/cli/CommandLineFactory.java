package dev.switchboard.cli;

import dev.switchboard.cli.rehearsal.Rehearsal;
import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.DailyApiUrl;
import dev.switchboard.cli.support.DebugMixin;
import dev.switchboard.cli.support.Durations;
import dev.switchboard.cli.support.ErrorReporter;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.JsonErrors;
import dev.switchboard.cli.daily.DailyApiMixin;
import dev.switchboard.cli.signalwire.SignalWireConnection;
import dev.switchboard.cli.transfer.RateMixin;
import dev.switchboard.core.http.HttpClients;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Builds the picocli command tree. Every command and mixin class may declare a constructor taking a
 * {@link CliContext}; the factory passes the context in, so commands never reach for globals.
 *
 * <p>Building the whole tree reflects over every command, option and mixin class (about 200 classes); a
 * command line needs only the branch it names. So {@link #create(CliContext, String...)} builds, in every
 * {@link CommandGroup}, the commands an argument names and puts a placeholder carrying only the name and
 * description (all that the group's help shows) in place of the others: {@code daily numbers list} builds
 * {@code daily}, {@code numbers} and {@code list}, and none of the other 150 or so commands.
 */
final class CommandLineFactory implements CommandLine.IFactory {
    /**
     * Options of commands that talk to an API: building the branch of such a command starts the HTTP client's
     * preparation (TLS set-up), so it runs beside the rest of the parsing (see {@link HttpClients#prepare()}).
     */
    private static final Set<Class<?>> NETWORK_MIXINS = Set.of(RateMixin.class, DailyApiMixin.class,
            SignalWireConnection.class);

    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    private CommandLineFactory(CliContext context) {
        this.context = context;
    }

    /** The whole command tree (for completion scripts, man pages and tests that walk the tree). */
    static CommandLine create(CliContext context) {
        return create(context, (String[]) null);
    }

    /** The tree for one command line: only the top-level commands it names are built. */
    static CommandLine create(CliContext context, String... commandLine) {
        CommandLineFactory factory = new CommandLineFactory(context);
        List<String> named = commandLine == null ? null : Arrays.asList(commandLine);
        return configure(context, factory, named);
    }

    private static CommandLine configure(CliContext context, CommandLineFactory factory, List<String> named) {
        CommandLine commandLine = new CommandLine(SwitchboardCommand.spec(), factory);
        for (SwitchboardCommand.TopLevel command : SwitchboardCommand.COMMANDS) {
            boolean needed = named == null || named.contains(command.name());
            commandLine.addSubcommand(command.name(), needed ? factory.build(command.type(), named)
                    : placeholder(command.name(), new String[0], new String[] {command.summary()}, new String[0], false));
        }
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
            try {
                Integer stopped = Rehearsal.beforeRun(context, parseResult, Main::run);
                if (stopped != null) {
                    return stopped;
                }
            } catch (RuntimeException failure) {
                try {
                    return commandLine.getExecutionExceptionHandler().handleExecutionException(failure, commandLine,
                            parseResult);
                } catch (Exception unhandled) {
                    throw new CommandLine.ExecutionException(commandLine, String.valueOf(unhandled.getMessage()), unhandled);
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            boolean debugFlag = acceptsDebug(parseResult);
            boolean debug = debugRequested(parseResult) || DebugMixin.requested(context.environment());
            return ErrorReporter.of(context, debug, debugFlag ? "--debug" : DebugMixin.VARIABLE + "=1")
                    .json(JsonErrors.requested(parseResult.originalArgs().toArray(String[]::new))).report(ex);
        });
        commandLine.setParameterExceptionHandler((ex, args) -> {
            if (JsonErrors.requested(args)) {
                context.err().println(ErrorReporter.json(ExitCode.INVALID_INPUT, ex.getMessage(), java.util.List.of()));
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

    /** Whether the command that ran has a {@code --debug} option (otherwise the hint names the variable). */
    private static boolean acceptsDebug(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult current = parseResult;
        while (current.hasSubcommand()) {
            current = current.subcommand();
        }
        return current.commandSpec().findOption("--debug") != null;
    }

    /** The command of this class, with the groups in it built as far as {@code named} reaches (all when null). */
    private CommandLine build(Class<?> type, List<String> named) {
        CommandLine commandLine = new CommandLine(type, this);
        if (commandLine.getCommand() instanceof CommandGroup group) {
            for (Class<?> subcommand : group.subcommands()) {
                Command command = subcommand.getAnnotation(Command.class);
                boolean needed = named == null || Stream.concat(Stream.of(command.name()), Stream.of(command.aliases()))
                        .anyMatch(named::contains);
                commandLine.addSubcommand(command.name(), needed ? build(subcommand, named)
                        : placeholder(command.name(), command.aliases(), command.description(), command.header(), command.hidden()));
            }
        }
        return commandLine;
    }

    private static CommandLine placeholder(String name, String[] aliases, String[] description, String[] header,
                                           boolean hidden) {
        CommandSpec spec = CommandSpec.create().name(name).aliases(aliases);
        spec.usageMessage().description(description).header(header).hidden(hidden);
        return new CommandLine(spec);
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

    /**
     * Whether the environment points this connection at the emulator over plain http (loopback only): such a
     * client sets up no TLS (see HttpClients), so preparing TLS ahead would only take a core from the command.
     */
    private boolean plainHttpInEnvironment(Class<?> mixin) {
        String variable = mixin == SignalWireConnection.class ? SignalWireConnection.SPACE_URL : DailyApiUrl.VARIABLE;
        return context.environment().getOrDefault(variable, "").regionMatches(true, 0, "http://", 0, 7);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (NETWORK_MIXINS.contains(type) && !plainHttpInEnvironment(type)) {
            HttpClients.prepare();
        }
        try {
            Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
            constructor.setAccessible(true);
            return constructor.newInstance(context);
        } catch (NoSuchMethodException e) {
            return fallback.create(type);
        }
    }
}
