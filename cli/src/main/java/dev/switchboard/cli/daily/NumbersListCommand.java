package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.daily.PurchasedNumber;
import dev.switchboard.daily.PurchasedNumberFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily numbers list}: every purchased number and verified caller id, all pages. */
@Command(name = "list",
        description = "List the domain's purchased numbers and verified caller ids (every page).")
final class NumbersListCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only numbers whose name contains TEXT (Daily's filter).")
    String name;
    @Option(names = "--number", paramLabel = "DIGITS", description = "Only numbers containing DIGITS (Daily's filter).")
    String number;
    @Option(names = "--include-deleted", description = "Also list numbers Daily reports as already released.")
    boolean includeDeleted;

    @Override
    public Integer call() {
        List<PurchasedNumber> numbers = daily.client().purchasedNumbers(new PurchasedNumberFilter(name, number))
                .stream().filter(n -> includeDeleted || !n.isDeleted()).toList();
        output.print(DailyTables.numbers(), numbers);
        return 0;
    }
}
