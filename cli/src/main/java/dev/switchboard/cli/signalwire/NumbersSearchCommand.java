package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code signalwire numbers search}: numbers on sale. */
@Command(name = "search",
        description = {"Lists numbers on sale (GET /phone_numbers/search).",
                "US and Canadian numbers only: the API has no country parameter. --contains, --starts-with and "
                        + "--ends-with exclude each other; invalid combinations are refused before the call (exit 2)."})
public final class NumbersSearchCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    SearchFlags flags;
    @Mixin
    OutputMixin output;

    public NumbersSearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var search = flags.search(null);
        var found = connection.client().searchNumbers(search);
        output.print(Rows.available(), found);
        return ExitCode.OK;
    }
}
