package dev.switchboard.cli.transfer;

import picocli.CommandLine.Option;

/** {@code --all-problems}: list every problem of an invalid or stale plan, not only the first ones. */
public final class ProblemsMixin {
    @Option(names = "--all-problems",
            description = "List every problem of an invalid or stale plan (by default the first "
                    + PlanFiles.SHOWN_PROBLEMS + ", after a summary line).")
    boolean all;
}
