package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.daily.AvailableNumber;
import dev.switchboard.daily.AvailableNumberQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code switchboard daily numbers search}: numbers on sale. Daily's parameter rules are checked before the
 * call, so a bad combination is refused here (exit 2) naming the rule.
 */
@Command(name = "search",
        description = {"Search numbers on sale (list-available-numbers).",
                "Daily's rules are checked before the call, and a search that breaks one is refused (exit 2): "
                        + "areacode is 3 digits; region is not combined with areacode; city needs region and "
                        + "excludes areacode, starts-with, contains and ends-with; contains, starts-with and "
                        + "ends-with are 3-7 digits, one at a time."})
final class NumbersSearchCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;

    @Option(names = "--areacode", paramLabel = "AAA", description = "3-digit US area code.") String areacode;
    @Option(names = "--region", paramLabel = "XX", description = "ISO 3166-2 alpha-2 region, e.g. CA.") String region;
    @Option(names = "--city", paramLabel = "NAME", description = "City; needs --region.") String city;
    @Option(names = "--contains", paramLabel = "DIGITS", description = "3-7 digits anywhere in the number.")
    String contains;
    @Option(names = "--starts-with", paramLabel = "DIGITS", description = "3-7 digits the number starts with.")
    String startsWith;
    @Option(names = "--ends-with", paramLabel = "DIGITS", description = "3-7 digits the number ends with.")
    String endsWith;

    @Override
    public Integer call() {
        AvailableNumberQuery query;
        try {
            query = new AvailableNumberQuery(areacode, region, city, contains, startsWith, endsWith);
        } catch (IllegalArgumentException rule) {
            throw CliException.invalidInput(rule.getMessage() + "; nothing was sent");
        }
        List<AvailableNumber> found = daily.client().availableNumbers(query);
        output.print(Table.of(AvailableNumber.class)
                .column("NUMBER", "number", AvailableNumber::number)
                .column("REGION", "region", AvailableNumber::region), found);
        return 0;
    }
}
