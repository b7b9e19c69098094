package dev.switchboard.cli;

import dev.switchboard.cli.emulator.EmulatorCommand;
import picocli.CommandLine.Command;

import java.util.List;

/** The top of the command tree: {@code switchboard <group> <command>}. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Safe, fast phone-number operations on Daily and SignalWire, with a local emulator of both.",
        subcommands = picocli.CommandLine.HelpCommand.class,
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 invalid input, 3 precondition failed, 4 credentials,",
                "5 incomplete (run again to resume), 6 declined, 70 internal error, 130 interrupted."})
public final class SwitchboardCommand {
    @picocli.CommandLine.Option(names = "--profile", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Use this profile of config.toml for credentials the environment and .env do not set "
                    + "(default: $SWITCHBOARD_PROFILE, else the current one; see 'switchboard profiles').")
    String profile;

    /**
     * The commands under {@code switchboard}, in help order. {@link CommandLineFactory} registers them, and
     * builds only those a command line names: {@code --help} and {@code --version} build none of them.
     */
    static final List<Class<?>> COMMANDS = List.of(
            EmulatorCommand.class,
            dev.switchboard.cli.signalwire.SignalWireCommand.class,
            dev.switchboard.cli.transfer.TransferCommand.class,
            dev.switchboard.cli.transfer.DemoCommand.class,
            dev.switchboard.cli.daily.DailyCommand.class,
            dev.switchboard.cli.bench.BenchCommand.class,
            dev.switchboard.cli.profiles.ProfilesCommand.class,
            CompletionCommand.class);
}
