package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard signalwire caller-ids}: numbers owned elsewhere, verified for use as caller ID. */
@Command(name = "caller-ids",
        description = {"Verified caller IDs: numbers owned elsewhere that calls may show.",
                "'add' makes SignalWire call the number and read out a 6-digit code, 'verify' submits it (5 tries "
                        + "per code), 'redial' calls again with a new code (at most once a minute and 10 times a "
                        + "week)."})
public final class CallerIdsCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(CallerIdsCommand.Add.class,
                CallerIdsCommand.Verify.class,
                CallerIdsCommand.Redial.class,
                CallerIdsCommand.ListAll.class);
    }

    /** {@code caller-ids add NUMBER}. */
    @Command(name = "add", description = "Registers a number and places the verification call.")
    public static final class Add implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NUMBER", description = "The number to verify (E.164).")
        String number;
        @Option(names = "--name", paramLabel = "TEXT", description = "A label (default: the formatted number).")
        String name;
        @Option(names = "--extension", paramLabel = "DIGITS", description = "Digits to dial after the call connects.")
        String extension;

        public Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var added = connection.client().directory().addVerifiedCallerId(number, name, extension);
            output.printOne(Rows.callerIds(), added);
            context.err().println("SignalWire is calling " + added.number() + "; submit the code with: switchboard"
                    + " signalwire caller-ids verify " + added.id() + " --code CODE");
            context.err().flush();
            return ExitCode.OK;
        }
    }

    /** {@code caller-ids verify ID --code CODE}. */
    @Command(name = "verify",
            description = "Submits the code read out by the call; a wrong code uses one of the code's 5 tries.")
    public static final class Verify implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "ID", description = "The caller id's id.")
        String id;
        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 6-digit code.")
        String code;

        public Verify(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            var verified = connection.client().directory().submitVerificationCode(id, code);
            output.printOne(Rows.callerIds(), verified);
            return ExitCode.OK;
        }
    }

    /** {@code caller-ids redial ID}. */
    @Command(name = "redial", description = "Calls again with a new code.")
    public static final class Redial implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "ID", description = "The caller id's id.")
        String id;

        public Redial(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            output.printOne(Rows.callerIds(), connection.client().directory().redialVerification(id));
            return ExitCode.OK;
        }
    }

    /** {@code caller-ids list}. */
    @Command(name = "list", description = "Lists the verified (and awaiting) caller IDs.")
    public static final class ListAll implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        PageSizeMixin pages;
        @Mixin
        OutputMixin output;

        public ListAll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            output.print(Rows.callerIds(), connection.client(pages.size()).directory().verifiedCallerIds());
            return ExitCode.OK;
        }
    }
}
