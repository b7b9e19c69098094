package dev.switchboard.cli.transfer;

import dev.switchboard.cli.support.CliException;
import dev.switchboard.cli.support.ExitCode;
import dev.switchboard.cli.support.Plural;
import dev.switchboard.daily.migration.InvalidPlanException;
import dev.switchboard.daily.migration.PlanCodec;
import dev.switchboard.daily.migration.PlanProblem;
import dev.switchboard.daily.migration.TransferPlan;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reading a plan for a command, and turning plan problems into output and an exit code. */
final class PlanFiles {
    /** Problems listed under the summary unless {@code --all-problems}. */
    static final int SHOWN_PROBLEMS = 20;

    private PlanFiles() {
    }

    /**
     * Reads and checks the plan; problems become exit 2 (a summary line first, then the first problems, each
     * naming its entry). Fields the plan has but this version does not use are printed as warnings.
     */
    static TransferPlan read(Path file, PrintWriter err, boolean allProblems) throws IOException {
        TransferPlan plan;
        try {
            plan = PlanCodec.read(file);
        } catch (InvalidPlanException e) {
            throw failure(e, allProblems);
        }
        List<PlanProblem> unknown = PlanCodec.unknownFields(plan);
        if (!unknown.isEmpty()) {
            err.println("warning: " + Plural.of(unknown.size(), "unknown field") + " in " + file.getFileName()
                    + " are kept in the plan but not sent to Daily:");
            listed(unknown, allProblems).forEach(line -> err.println("  " + line));
            err.flush();
        }
        return plan;
    }

    /** The exit-2 (malformed) or exit-3 (stale) failure: the summary, then at most 20 problems unless {@code all}. */
    static CliException failure(InvalidPlanException e, boolean all) {
        int code = e.stale() ? ExitCode.PRECONDITION : ExitCode.INVALID_INPUT;
        if (e.problems().size() <= 1) {
            return new CliException(code, e.getMessage(), e);
        }
        return new CliException(code, e.summary() + ":", e, listed(e.problems(), all));
    }

    private static List<String> listed(List<PlanProblem> problems, boolean all) {
        int shown = all ? problems.size() : Math.min(SHOWN_PROBLEMS, problems.size());
        List<String> lines = new ArrayList<>(shown + 1);
        problems.subList(0, shown).forEach(problem -> lines.add(problem.toString()));
        if (shown < problems.size()) {
            lines.add("… and " + (problems.size() - shown) + " more (--all-problems lists every one)");
        }
        return lines;
    }
}
