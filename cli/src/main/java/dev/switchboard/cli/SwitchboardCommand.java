package dev.switchboard.cli;

import dev.switchboard.cli.emulator.EmulatorCommand;
import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.List;

/**
 * The top of the command tree: {@code switchboard <group> <command>}. {@code -h} is inherited by every
 * command; {@code -V} is here only, where it means something.
 */
@Command(name = "switchboard",
        versionProvider = VersionProvider.class,
        description = "Safe, fast phone-number operations on Daily and SignalWire, with a local emulator of both.",
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 invalid input, 3 precondition failed, 4 credentials, "
                + "5 incomplete (run again to resume), 6 declined, 7 needs confirmation (pass --yes), "
                + "70 internal error, 130 interrupted.",
                "", "Manual: man switchboard (and man switchboard-daily, man switchboard-transfer-apply, ...)."})
public final class SwitchboardCommand implements CommandGroup {
    @picocli.CommandLine.Option(names = "--profile", paramLabel = "NAME", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Use this profile of config.toml for credentials the environment and .env do not set "
                    + "(default: $SWITCHBOARD_PROFILE, else the current one; see 'switchboard profiles').")
    String profile;

    /**
     * The commands under {@code switchboard}, in help order. {@link CommandLineFactory} registers them, and
     * builds only those a command line names: {@code --help} and {@code --version} build none of them.
     */
    static final List<Class<?>> COMMANDS = List.of(
            HelpTopicCommand.class,
            EmulatorCommand.class,
            dev.switchboard.cli.signalwire.SignalWireCommand.class,
            dev.switchboard.cli.transfer.TransferCommand.class,
            dev.switchboard.cli.transfer.DemoCommand.class,
            dev.switchboard.cli.daily.DailyCommand.class,
            dev.switchboard.cli.inventory.InventoryCommand.class,
            dev.switchboard.cli.bench.BenchCommand.class,
            dev.switchboard.cli.profiles.ProfilesCommand.class,
            dev.switchboard.cli.rehearsal.SnapshotCommand.class,
            CompletionCommand.class);

    @Override
    public List<Class<?>> subcommands() {
        return COMMANDS;
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Show the version and exit.")
    boolean version;
}
