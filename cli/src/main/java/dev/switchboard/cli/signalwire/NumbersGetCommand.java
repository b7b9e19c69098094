package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code signalwire numbers get NUMBER}: one number. */
@Command(name = "get",
        description = "Shows one number: capabilities, call and message handlers, E911 status.")
public final class NumbersGetCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "NUMBER", description = "The number (E.164) or its id.")
    String number;

    public NumbersGetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        output.printOne(Rows.numbers(), NumberRefs.resolve(connection.client(), number));
        return ExitCode.OK;
    }
}
