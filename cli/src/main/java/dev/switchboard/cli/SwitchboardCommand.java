package dev.switchboard.cli;

import dev.switchboard.cli.bench.BenchCommand;
import dev.switchboard.cli.daily.DailyCommand;
import dev.switchboard.cli.emulator.EmulatorCommand;
import dev.switchboard.cli.inventory.InventoryCommand;
import dev.switchboard.cli.profiles.ProfilesCommand;
import dev.switchboard.cli.rehearsal.SnapshotCommand;
import dev.switchboard.cli.signalwire.SignalWireCommand;
import dev.switchboard.cli.transfer.DemoCommand;
import dev.switchboard.cli.transfer.TransferCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

import java.util.List;

/**
 * The top of the command tree: {@code switchboard <group> <command>}. {@code -h} is inherited by every
 * command; {@code -V} is here only, where it means something.
 *
 * <p>This level is built with picocli's programmatic API, and its commands are listed with the name and summary
 * their {@code @Command} annotations use (the same constants): reading an annotation makes the JDK generate proxy
 * classes, the largest cost of {@code --help} and {@code --version}, which now read none.
 */
final class SwitchboardCommand {
    /** A command under {@code switchboard}: its class, built only when named, and what the top-level help says. */
    record TopLevel(Class<?> type, String name, String summary) {
    }

    /** The commands under {@code switchboard}, in help order. */
    static final List<TopLevel> COMMANDS = List.of(
            new TopLevel(HelpTopicCommand.class, HelpTopicCommand.NAME, HelpTopicCommand.SUMMARY),
            new TopLevel(EmulatorCommand.class, EmulatorCommand.NAME, EmulatorCommand.SUMMARY),
            new TopLevel(SignalWireCommand.class, SignalWireCommand.NAME, SignalWireCommand.SUMMARY),
            new TopLevel(TransferCommand.class, TransferCommand.NAME, TransferCommand.SUMMARY),
            new TopLevel(DemoCommand.class, DemoCommand.NAME, DemoCommand.SUMMARY),
            new TopLevel(DailyCommand.class, DailyCommand.NAME, DailyCommand.SUMMARY),
            new TopLevel(InventoryCommand.class, InventoryCommand.NAME, InventoryCommand.SUMMARY),
            new TopLevel(BenchCommand.class, BenchCommand.NAME, BenchCommand.SUMMARY),
            new TopLevel(ProfilesCommand.class, ProfilesCommand.NAME, ProfilesCommand.SUMMARY),
            new TopLevel(SnapshotCommand.class, SnapshotCommand.NAME, SnapshotCommand.SUMMARY),
            new TopLevel(CompletionCommand.class, CompletionCommand.NAME, CompletionCommand.SUMMARY));

    private SwitchboardCommand() {
    }

    /** The root's options and help text (a new spec per command line: picocli fills it while parsing). */
    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("switchboard").versionProvider(new VersionProvider());
        spec.usageMessage()
                .description("Safe, fast phone-number operations on Daily and SignalWire, with a local emulator of "
                        + "both.")
                .footer("", "Exit codes: 0 ok, 1 failed, 2 invalid input, 3 precondition failed, 4 credentials, "
                                + "5 incomplete (run again to resume), 6 declined, 7 needs confirmation (pass --yes), "
                                + "70 internal error, 130 interrupted.",
                        "", "Manual: man switchboard (and man switchboard-daily, man switchboard-transfer-apply, "
                                + "...).");
        spec.addOption(OptionSpec.builder("--profile").paramLabel("NAME").type(String.class)
                .scopeType(ScopeType.INHERIT)
                .description("Use this profile of config.toml for credentials the environment and .env do not set "
                        + "(default: $SWITCHBOARD_PROFILE, else the current one; see 'switchboard profiles').")
                .build());
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
                .scopeType(ScopeType.INHERIT).description("Show this help and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
                .description("Show the version and exit.").build());
        return spec;
    }
}
