package dev.switchboard.cli.daily;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard daily calls}: live call control in a room. Nothing here is ever retried blindly. */
@Command(name = "calls",
        description = {"Live call control: dial-out, call transfer (sipCallTransfer) and SIP REFER (sipRefer).",
                "These calls act on live calls and are never re-sent after an ambiguous failure (exit 5): check "
                        + "presence or the webhook events before trying again."})
final class CallsCommand implements CommandGroup {
    @Override
    public List<Class<?>> subcommands() {
        return List.of(DialoutCommand.class,
                TransferCommand.class,
                ReferCommand.class);
    }
}
