package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ConfirmMixin;
import dev.switchboard.cli.support.OutputMixin;
import dev.switchboard.core.phone.E164;
import dev.switchboard.daily.DialinConfigSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code switchboard daily dialin create}: a pinless or PIN config (Daily's rules checked before the call). */
@Command(name = "create",
        description = "Create a dial-in config. Pinless without --phone-number is SIP-only; without --hmac-env Daily "
                + "generates the hmac (read it in the Daily dashboard: switchboard never prints it).")
final class DialinCreateCommand implements Callable<Integer> {
    @Mixin
    DailyApiMixin daily;
    @Mixin
    OutputMixin output;
    @Mixin
    ConfirmMixin confirm;
    @Mixin
    DialinFields fields;
    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "pinless or pin.")
    DialinKind type;

    @Override
    public Integer call() {
        DialinConfigSpec spec;
        try {
            spec = new DialinConfigSpec(type.type(),
                    fields.phoneNumber == null ? null : E164.parse(fields.phoneNumber).value(), fields.namePrefix,
                    fields.hmac(daily.context()), fields.roomCreationApi, fields.holdMusicUrl,
                    DialinFields.message(fields.timeoutMessage), DialinFields.message(fields.ivrGreeting));
        } catch (IllegalArgumentException rule) {
            throw CliException.invalidInput(rule.getMessage() + "; nothing was sent");
        }
        output.printOne(DailyTables.dialinConfigs(), daily.client().createDialinConfig(spec));
        return 0;
    }
}
