package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code switchboard daily calls refer}: {@code sipRefer}, refused with the reason when Daily's rules rule it out. */
@Command(name = "refer",
        description = {"Hand a SIP caller back to its originating SIP system with SIP REFER (sipRefer): the origin "
                + "connects to the target directly and Daily leaves the call; a one-time REFER fee may apply.",
                "SIP targets only. Refused, with the reason, for a phone-number target, a target inside Daily "
                        + "(a room: use 'transfer'), a caller on the phone network or inside Daily, or "
                        + "--no-refer-support."})
final class ReferCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    TransferOptions options;
    @Mixin
    ConfirmMixin confirm;

    @Override
    public Integer call() {
        TransferRunner runner = new TransferRunner(daily.context(), options);
        return runner.run(daily.client(), runner.checkedRefer(), null, output);
    }
}
