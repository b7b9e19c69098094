package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard signalwire}: number management on a SignalWire space. */
@Command(name = SignalWireCommand.NAME,
        description = {SignalWireCommand.SUMMARY,
                "Credentials: SIGNALWIRE_SPACE_URL, SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN, from the "
                        + "environment or ./.env."},
        footer = {"", "Porting numbers in: SignalWire has no public porting API. Port requests are made in the "
                + "Dashboard (Phone Numbers > Port Requests) with a signed Letter of Authorization; ported numbers "
                + "then appear in 'signalwire numbers list' like any other. Manual: man switchboard-signalwire."})
public final class SignalWireCommand implements CommandGroup {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "signalwire";
    public static final String SUMMARY =
            "Numbers on SignalWire: search, buy, configure, release, E911, caller IDs, groups and usage.";

    @Override
    public List<Class<?>> subcommands() {
        return List.of(NumbersCommand.class,
                AddressesCommand.class,
                E911Command.class,
                CallerIdsCommand.class,
                GroupsCommand.class);
    }
}
