package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.OutputMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily dialin get ID}: one config, in the list schema (an array of one). */
@Command(name = "get", description = "Show one dial-in config.")
final class DialinGetCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Parameters(paramLabel = "ID", description = "The config's id (see 'dialin list').") String id;

    @Override
    public Integer call() {
        output.printOne(DailyTables.dialinConfigs(), daily.client().dialinConfig(id));
        return 0;
    }
}
