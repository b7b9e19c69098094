package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard daily numbers}: list, search, buy and release phone numbers. */
@Command(name = "numbers", description = "Purchased phone numbers.")
final class NumbersCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(NumbersListCommand.class,
                NumbersSearchCommand.class,
                NumbersBuyCommand.class,
                NumbersReleaseCommand.class);
    }
}
