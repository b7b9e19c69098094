package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.signalwire.NumberSearch;
import dev.switchboard.signalwire.SearchNumberType;
import picocli.CommandLine.Option;

/**
 * The search flags of the number guide, mapped onto SignalWire's real parameters: {@code --state} is
 * {@code region}, {@code --toll-free} is {@code number_type=toll-free}, {@code --limit} is
 * {@code max_results}. Invalid combinations are refused before any call.
 */
public final class SearchFlags {
    @Option(names = "--areacode", paramLabel = "NPA", description = "3-digit area code.")
    String areacode;

    @Option(names = "--state", paramLabel = "XX", description = "2-letter state or province (SignalWire's region).")
    String state;

    @Option(names = "--city", paramLabel = "NAME", description = "City; needs --state.")
    String city;

    @Option(names = "--toll-free", description = "Toll-free numbers (no --state or --city).")
    boolean tollFree;

    @Option(names = "--contains", paramLabel = "DIGITS", description = "3-7 digits anywhere in the number.")
    String contains;

    @Option(names = "--starts-with", paramLabel = "DIGITS", description = "3-7 digits the national number starts with.")
    String startsWith;

    @Option(names = "--ends-with", paramLabel = "DIGITS", description = "3-7 digits the number ends with.")
    String endsWith;

    @Option(names = "--limit", paramLabel = "N", description = "At most N results, 1-100 (SignalWire's max_results; default 50).")
    Integer limit;

    /** The search these flags describe; {@code limitOverride} (e.g. a purchase count) wins over {@code --limit}. */
    NumberSearch search(Integer limitOverride) {
        try {
            return new NumberSearch(tollFree ? SearchNumberType.TOLL_FREE : null, areacode, state, city, startsWith,
                    contains, endsWith, limitOverride != null ? limitOverride : limit);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage().replace("region", "--state").replace("max_results", "--limit")
                    .replace("starts_with", "--starts-with").replace("ends_with", "--ends-with")
                    .replace("contains", "--contains").replace("areacode", "--areacode").replace("city", "--city"));
        }
    }
}
