package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.DailyClient;
import dev.switchboard.daily.DialinConfig;
import dev.switchboard.daily.DialinConfigPatch;
import dev.switchboard.daily.DialinConfigRules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code switchboard daily dialin update ID}: changes only the fields given. An update never drops an hmac: the
 * hmac is sent only with {@code --hmac-env}, and if Daily's answer lost an hmac the config had, the old one is
 * put back at once.
 */
@Command(name = "update",
        description = "Change the given fields of a dial-in config (PUT); other fields, and the hmac, stay as they are.")
final class DialinUpdateCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    DialinFields fields;
    @Parameters(paramLabel = "ID", description = "The config's id (see 'dialin list').") String id;

    @Override
    public Integer call() {
        DialinConfigPatch patch;
        try {
            patch = new DialinConfigPatch(fields.phoneNumber == null ? null : E164.parse(fields.phoneNumber).value(),
                    fields.namePrefix, fields.hmac(daily.context()), fields.roomCreationApi, fields.holdMusicUrl,
                    DialinFields.message(fields.timeoutMessage), DialinFields.message(fields.ivrGreeting));
        } catch (IllegalArgumentException rule) {
            throw CliException.invalidInput(rule.getMessage() + "; nothing was sent");
        }
        if (patch.isEmpty()) {
            throw CliException.invalidInput("nothing to change: give at least one field");
        }
        DailyClient client = daily.client();
        DialinConfig before = client.dialinConfig(id);
        List<DialinConfigRules.Violation> violations = patch.violationsFor(before.type());
        if (!violations.isEmpty()) {
            throw CliException.invalidInput("invalid dial-in config: " + violations.get(0) + " (config " + id + " is "
                    + before.type().wireName() + "); nothing was sent");
        }
        DialinConfig after = client.updateDialinConfig(id, patch);
        if (before.hmac() != null && after.hmac() == null) {
            daily.context().err().println("Daily's answer has no hmac any more; restoring the previous one");
            after = client.updateDialinConfig(id, DialinConfigPatch.none().withHmac(before.hmac()));
        }
        output.printOne(DailyTables.dialinConfigs(), after);
        return 0;
    }
}
