package dev.switchboard.cli.transfer;

import picocli.CommandLine.Command;

/** {@code switchboard transfer ...}: moving numbers and their dial-in configs between two Daily domains. */
@Command(name = "transfer",
        description = {"Move purchased numbers and their dial-in configs from one Daily domain to another.",
                "plan (read-only), apply (journaled, resumable), verify, status, rollback, caller-ids. Manual: "
                        + "man switchboard-transfer (and man switchboard-transfer-apply, ...)."},
        subcommands = {
                TransferPlanCommand.class,
                TransferApplyCommand.class,
                TransferVerifyCommand.class,
                TransferStatusCommand.class,
                TransferRollbackCommand.class,
                TransferCallerIdsCommand.class,
        })
public final class TransferCommand {
}
