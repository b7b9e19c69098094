package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.signalwire.NumberFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code signalwire numbers list}: every number of the project, all pages. */
@Command(name = "list",
        description = "Lists the project's numbers, newest first, with capabilities and where calls and messages go.")
public final class NumbersListCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    PageSizeMixin pages;
    @Mixin
    OutputMixin output;

    @Option(names = "--filter-name", paramLabel = "TEXT", description = "Only names containing TEXT.")
    String filterName;

    @Option(names = "--filter-number", paramLabel = "DIGITS", description = "Only numbers containing DIGITS.")
    String filterNumber;

    public NumbersListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var numbers = connection.client(pages.size()).phoneNumbers(new NumberFilter(filterName, filterNumber));
        output.print(Rows.numbers(), numbers);
        return ExitCode.OK;
    }
}
