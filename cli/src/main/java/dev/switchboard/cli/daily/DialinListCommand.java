package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.daily.DialinConfigFilter;
import dev.switchboard.daily.DialinType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily dialin list}: every dial-in config (all pages); hmacs are never shown. */
@Command(name = "list", description = "List dial-in configs (every page).")
final class DialinListCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;

    @Option(names = "--type", paramLabel = "TYPE", description = "pinless or pin.")
    DialinKind type;
    @Option(names = "--phone-number", paramLabel = "E164", description = "Only the config of this number.")
    String phoneNumber;
    @Option(names = "--name-prefix", paramLabel = "TEXT", description = "Only configs with this name prefix.")
    String namePrefix;

    @Override
    public Integer call() {
        DialinType wire = type == null ? null : type.type();
        output.print(DailyTables.dialinConfigs(), daily.client()
                .dialinConfigs(new DialinConfigFilter(phoneNumber, List.of(), null, namePrefix, wire)));
        return 0;
    }
}
