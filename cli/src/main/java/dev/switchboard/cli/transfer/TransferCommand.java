package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CommandGroup;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code switchboard transfer ...}: moving numbers and their dial-in configs between two Daily domains. */
@Command(name = TransferCommand.NAME,
        description = {TransferCommand.SUMMARY,
                "plan (read-only), apply (journaled, resumable), verify, status, rollback, caller-ids. Manual: "
                        + "man switchboard-transfer (and man switchboard-transfer-apply, ...)."})
public final class TransferCommand implements CommandGroup {
    /** The name and the first line of the description, which the top-level help shows without building this command. */
    public static final String NAME = "transfer";
    public static final String SUMMARY =
            "Move purchased numbers and their dial-in configs from one Daily domain to another.";

    @Override
    public List<Class<?>> subcommands() {
        return List.of(TransferPlanCommand.class,
                TransferApplyCommand.class,
                TransferVerifyCommand.class,
                TransferStatusCommand.class,
                TransferRollbackCommand.class,
                TransferCallerIdsCommand.class);
    }
}
