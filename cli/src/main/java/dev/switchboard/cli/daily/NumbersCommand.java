package dev.switchboard.cli.daily;

import picocli.CommandLine.Command;

/** {@code switchboard daily numbers}: list, search, buy and release phone numbers. */
@Command(name = "numbers", description = "Purchased phone numbers.",
        subcommands = {NumbersListCommand.class, NumbersSearchCommand.class, NumbersBuyCommand.class,
                NumbersReleaseCommand.class})
final class NumbersCommand {
}
