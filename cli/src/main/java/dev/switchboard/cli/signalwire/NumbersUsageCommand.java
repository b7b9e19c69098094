package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.Table;
import dev.switchboard.core.phone.E164;
import dev.switchboard.signalwire.NumberUsage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code signalwire numbers usage NUMBER}: calls and messages of a number over a period. */
@Command(name = "usage",
        description = {"Counts a number's calls and messages between two dates (UTC, both inclusive).",
                "Read from the compatibility API's call and message lists (To or From is the number)."})
public final class NumbersUsageCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    PageSizeMixin pages;
    @Mixin
    OutputMixin output;

    @Parameters(paramLabel = "NUMBER", description = "The number (E.164); it need not be owned any more.")
    String number;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: 30 days before --to).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: today, UTC).")
    String to;

    public NumbersUsageCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String e164 = E164.tryParse(number).map(E164::value)
                .orElseThrow(() -> CliException.invalidInput(number + " is not an E.164 phone number"));
        LocalDate last = to == null ? LocalDate.ofInstant(context.clock().instant(), ZoneOffset.UTC) : date(to, "--to");
        LocalDate first = from == null ? last.minusDays(30) : date(from, "--from");
        if (last.isBefore(first)) {
            throw CliException.invalidInput("--to " + last + " is before --from " + first);
        }
        NumberUsage usage = connection.client(pages.size()).usage(e164, first, last);
        output.printOne(Table.of(NumberUsage.class)
                .column("NUMBER", "number", NumberUsage::number)
                .column("FROM", "from", u -> u.from().toString())
                .column("TO", "to", u -> u.to().toString())
                .column("CALLS IN", "inbound_calls", u -> u.inboundCalls().size())
                .column("CALLS OUT", "outbound_calls", u -> u.outboundCalls().size())
                .column("CALL SECONDS", "call_seconds", NumberUsage::callSeconds)
                .column("MESSAGES IN", "inbound_messages", u -> u.inboundMessages().size())
                .column("MESSAGES OUT", "outbound_messages", u -> u.outboundMessages().size()), usage);
        return ExitCode.OK;
    }

    private static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw CliException.invalidInput(option + " " + text + " is not a date (YYYY-MM-DD)");
        }
    }
}
