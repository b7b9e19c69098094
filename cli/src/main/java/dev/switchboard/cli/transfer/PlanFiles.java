package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.daily.migration.InvalidPlanException;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.PlanProblem;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reading a plan for a command, and turning plan problems into output and an exit code. */
final class PlanFiles {
    private PlanFiles() {
    }

    /** Reads and checks the plan; problems become exit 2 with each one printed, naming its entry. */
    static TransferPlan read(Path file, PrintWriter err) throws IOException {
        try {
            return PlanCodec.read(file);
        } catch (InvalidPlanException e) {
            throw failure(e, err);
        }
    }

    /** Prints every problem after the first (the first is in the one-line error) and picks the exit code. */
    static CliException failure(InvalidPlanException e, PrintWriter err) {
        for (PlanProblem problem : e.problems().subList(Math.min(1, e.problems().size()), e.problems().size())) {
            err.println("  " + problem);
        }
        err.flush();
        return new CliException(e.stale() ? ExitCode.PRECONDITION : ExitCode.INVALID_INPUT, e.getMessage(), e);
    }
}
