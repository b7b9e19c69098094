package dev.switchboard.cli.daily;

import picocli.CommandLine.Command;

/** {@code switchboard daily calls}: live call control in a room. Nothing here is ever retried blindly. */
@Command(name = "calls",
        description = {"Live call control: dial-out, call transfer (sipCallTransfer) and SIP REFER (sipRefer).",
                "These calls act on live calls and are never re-sent after an ambiguous failure (exit 5): check "
                        + "presence or the webhook events before trying again."},
        subcommands = {DialoutCommand.class, TransferCommand.class, ReferCommand.class})
final class CallsCommand {
}
