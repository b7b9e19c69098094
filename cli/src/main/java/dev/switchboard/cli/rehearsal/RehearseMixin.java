package dev.switchboard.cli.rehearsal;

import picocli.CommandLine.Option;

/**
 * {@code --rehearse} and {@code --force}, on {@code transfer apply} and every bulk command. A command only declares
 * the mixin: the command line's execution strategy finds it and runs {@link Rehearsal} before the command itself.
 */
public final class RehearseMixin {
    @Option(names = "--rehearse",
            description = "First run the same command on an emulated copy of the accounts (a fresh read-only snapshot; "
                    + "rate limits, 14-day locks and calls included), print what happened and the predicted wall "
                    + "time, then ask to run it for real. A failing rehearsal stops with exit 1.")
    boolean rehearse;

    @Option(names = "--force", description = "With --rehearse: run for real even when the rehearsal failed.")
    boolean force;

    boolean requested() {
        return rehearse;
    }

    boolean force() {
        return force;
    }
}
