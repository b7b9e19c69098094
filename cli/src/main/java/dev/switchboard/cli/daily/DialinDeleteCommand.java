package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.Prompter;
import dev.switchboard.core.http.NotFoundException;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code switchboard daily dialin delete ID}: asks first, naming the config, unless {@code --yes}. */
@Command(name = "delete", description = "Delete a dial-in config.")
final class DialinDeleteCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    ConfirmMixin confirm;
    @Parameters(paramLabel = "ID", description = "The config's id (see 'dialin list').") String id;

    @Override
    public Integer call() {
        DailyClient client = daily.client();
        DialinConfig config = client.dialinConfig(id);
        String what = config.type().wireName() + " config " + id + " ("
                + (config.phoneNumber() != null ? config.phoneNumber() : "SIP-only " + config.sipUri()) + ")";
        new Prompter(daily.context(), confirm.yes()).require("Delete " + what + "? Calls to it will no longer be routed.");
        try {
            client.deleteDialinConfig(id);
        } catch (NotFoundException gone) {
            if (!gone.afterAmbiguousAttempt()) {
                throw gone;
            }
        }
        daily.context().out().println("deleted " + what);
        return 0;
    }
}
