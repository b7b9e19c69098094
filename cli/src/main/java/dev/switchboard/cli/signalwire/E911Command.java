package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.CommandGroup;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.Durations;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.cli.support.ProgressLine;
import dev.switchboard.cli.support.ProgressMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.SignalWireClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code switchboard signalwire e911}: a number's emergency-address registration. */
@Command(name = "e911",
        description = {"A number's E911 address registration.",
                "The carrier activates a registration asynchronously (pending, then active or failed), usually "
                        + "within minutes; 'status --wait' polls until it settles."})
public final class E911Command implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(E911Command.Assign.class,
                E911Command.Remove.class,
                E911Command.Status.class);
    }

    private static final Set<String> SETTLING = Set.of("pending", "pending_removal");

    /** {@code e911 assign NUMBER --address ID}. */
    @Command(name = "assign", description = "Registers an address (status becomes pending).")
    public static final class Assign implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NUMBER", description = "The number (E.164) or its id.")
        String number;
        @Option(names = "--address", paramLabel = "ID", required = true, description = "An address id from 'addresses list'.")
        String addressId;

        public Assign(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SignalWireClient client = connection.client();
            PhoneNumber target = NumberRefs.resolve(client, number);
            output.printOne(Rows.numbers(), client.assignE911Address(target.id(), addressId));
            return ExitCode.OK;
        }
    }

    /** {@code e911 remove NUMBER}. */
    @Command(name = "remove",
            description = "Removes the registration (only while active; status becomes pending_removal).")
    public static final class Remove implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ConfirmMixin confirm;
        @Parameters(paramLabel = "NUMBER", description = "The number (E.164) or its id.")
        String number;

        public Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            SignalWireClient client = connection.client();
            PhoneNumber target = NumberRefs.resolve(client, number);
            new Prompter(context, confirm.yes()).require("Remove the E911 registration of " + target.number()
                    + "? Emergency calls from it will carry no registered address.");
            output.printOne(Rows.numbers(), client.removeE911Address(target.id()));
            return ExitCode.OK;
        }
    }

    /** {@code e911 status NUMBER [--wait]}. */
    @Command(name = "status",
            description = "Shows the E911 status; with --wait polls until it is no longer pending (exit 5 on timeout).")
    public static final class Status implements Callable<Integer> {
        private final CliContext context;
        @Mixin
        SignalWireConnection connection;
        @Mixin
        OutputMixin output;
        @Mixin
        ProgressMixin progress;
        @Parameters(paramLabel = "NUMBER", description = "The number (E.164) or its id.")
        String number;
        @Option(names = "--wait", description = "Poll until the status settles (active, failed, unregistered).")
        boolean await;
        @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s",
                description = "Time between polls, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
        Duration interval;
        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
                description = "Give up after this long, e.g. 90s, 30m, 1h (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        public Status(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws InterruptedException {
            if (interval.isNegative() || interval.isZero() || timeout.isNegative()) {
                throw CliException.invalidInput("--interval must be positive and --timeout not negative");
            }
            SignalWireClient client = connection.client();
            PhoneNumber current = NumberRefs.resolve(client, number);
            Instant deadline = context.clock().instant().plus(timeout);
            try (ProgressLine line = await ? progress.line("e911 " + current.number(), 1) : null) {
                while (await && SETTLING.contains(current.e911Status())) {
                    line.detail(current.e911Status());
                    if (!context.clock().instant().isBefore(deadline)) {
                        output.printOne(Rows.numbers(), current);
                        context.err().println("still " + current.e911Status() + " after " + Durations.exact(timeout)
                                + "; run again to keep waiting");
                        context.err().flush();
                        return ExitCode.INCOMPLETE;
                    }
                    Thread.sleep(interval.toMillis());
                    current = client.phoneNumber(current.id());
                }
                if (line != null) {
                    line.detail(current.e911Status());
                    line.update(1, "failed".equals(current.e911Status()) ? 1 : 0);
                }
            }
            output.printOne(Rows.numbers(), current);
            return "failed".equals(current.e911Status()) ? ExitCode.FAILED : ExitCode.OK;
        }
    }
}
