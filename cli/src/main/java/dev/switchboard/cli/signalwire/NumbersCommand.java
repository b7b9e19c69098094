package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard signalwire numbers}: the phone-number lifecycle. */
@Command(name = "numbers",
        description = "Search, buy, list, show, configure, release and measure the project's phone numbers.",
        footer = {"", "Porting: there is no public API for porting numbers in; use the SignalWire Dashboard."})
public final class NumbersCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(NumbersSearchCommand.class,
                NumbersBuyCommand.class,
                NumbersListCommand.class,
                NumbersGetCommand.class,
                NumbersUpdateCommand.class,
                NumbersReleaseCommand.class,
                NumbersUsageCommand.class);
    }
}
