package dev.switchboard.cli.signalwire;

import dev.switchboard.cli.support.CliContext;
import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.signalwire.PhoneNumber;
import dev.switchboard.signalwire.ReleaseCooldownException;
import dev.switchboard.signalwire.SignalWireClient;
import dev.switchboard.cli.rehearsal.RehearseMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code signalwire numbers release NUMBER}: gives a number back, after confirmation. */
@Command(name = "release",
        description = {"Releases a number, after confirmation (DELETE /phone_numbers/{id}).",
                "It cannot be recovered: calls and messages to it stop at once. SignalWire refuses releases within "
                        + "14 days of purchase (30 on trial accounts); the refusal is reported with the first date "
                        + "the release is allowed (exit 3)."})
public final class NumbersReleaseCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    SignalWireConnection connection;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    RehearseMixin rehearse;

    @Parameters(paramLabel = "NUMBER", description = "The number (E.164) or its id.")
    String number;

    public NumbersReleaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SignalWireClient client = connection.client();
        PhoneNumber target = NumberRefs.resolve(client, number);
        String shown = target.number() + (target.name() == null ? "" : " (" + target.name() + ")");
        new Prompter(context, confirm.yes()).require("Release " + shown + "? This cannot be undone.");
        try {
            client.releaseNumber(target.id());
        } catch (ReleaseCooldownException tooSoon) {
            throw CliException.precondition(target.number() + " was bought too recently to release; SignalWire allows it"
                    + tooSoon.releasableAt().map(at -> " from " + at).orElse(" 14 days after purchase")
                    + ". Nothing was changed.");
        } catch (NotFoundException gone) {
            if (!gone.afterAmbiguousAttempt()) {
                throw gone;
            }
        }
        context.out().println("Released " + shown);
        context.out().flush();
        return ExitCode.OK;
    }
}
