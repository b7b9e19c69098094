package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.daily.CallEndpoint;
import dev.switchboard.daily.CallerIds;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.PurchasedNumberFilter;
import dev.switchboard.daily.TransferAdvice;
import dev.switchboard.daily.TransferAdvisor;
import dev.switchboard.daily.TransferMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code switchboard daily calls transfer}: {@code sipCallTransfer} to a room's SIP URI, an external SIP URI or a
 * phone number; {@code --method auto} lets Daily's rules pick between it and REFER.
 */
@Command(name = "transfer",
        description = {"Move a SIP/PSTN caller elsewhere. --method transfer (default) uses sipCallTransfer: Daily "
                + "stays in the media path and both legs are billed. --method auto applies Daily's rules: REFER "
                + "when the caller's origin (--from) and the target are both SIP outside Daily and the origin "
                + "supports REFER (one-time fee, Daily leaves), otherwise sipCallTransfer.",
                "The method, the reason and the cost are printed before anything is sent."})
final class TransferCommand implements Callable<Integer> {
    enum Method { TRANSFER, REFER, AUTO }

    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    TransferOptions options;
    @Mixin
    ConfirmMixin confirm;
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "transfer",
            description = "transfer, refer or auto (default: ${DEFAULT-VALUE}).")
    Method method;
    @Option(names = "--caller-id", paramLabel = "ID|E164",
            description = "Phone targets: the purchased number to call from, by id or E.164.")
    String callerId;

    @Override
    public Integer call() {
        TransferRunner runner = new TransferRunner(daily.context(), options);
        CallEndpoint target = runner.target();
        TransferAdvice advice = switch (method) {
            case REFER -> runner.checkedRefer();
            case AUTO -> TransferAdvisor.choose(runner.origin(), target, !options.noReferSupport);
            case TRANSFER -> new TransferAdvice(TransferMethod.SIP_CALL_TRANSFER, "asked for explicitly",
                    TransferAdvisor.anchoredCost(runner.origin(), target));
        };
        if (callerId != null && advice.method() == TransferMethod.SIP_REFER) {
            throw CliException.invalidInput("--caller-id applies to call transfers to a phone number, not REFER");
        }
        if (callerId != null && !(target instanceof CallEndpoint.Pstn)) {
            throw CliException.invalidInput("--caller-id applies to a phone-number target only");
        }
        DailyClient client = daily.client();
        String resolved = callerId == null ? null
                : CallerIds.resolve(client.purchasedNumbers(PurchasedNumberFilter.all()), callerId);
        return runner.run(client, advice, resolved, output);
    }
}
