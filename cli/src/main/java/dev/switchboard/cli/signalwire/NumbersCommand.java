package dev.switchboard.cli.signalwire;

import picocli.CommandLine.Command;

/** {@code switchboard signalwire numbers}: the phone-number lifecycle. */
@Command(name = "numbers",
        description = "Search, buy, list, show, configure, release and measure the project's phone numbers.",
        subcommands = {NumbersSearchCommand.class, NumbersBuyCommand.class, NumbersListCommand.class,
                NumbersGetCommand.class, NumbersUpdateCommand.class, NumbersReleaseCommand.class,
                NumbersUsageCommand.class},
        footer = {"", "Porting: there is no public API for porting numbers in; use the SignalWire Dashboard."})
public final class NumbersCommand {
}
