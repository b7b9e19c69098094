package dev.switchboard.daily.migration;

import java.util.List;

/**
 * A plan file that cannot be applied: malformed JSON, bad fields, duplicates ({@link #stale()} false),
 * or entries that no longer match the live domains ({@link #stale()} true). Every problem names its
 * entry. Nothing was changed on either domain when this is thrown.
 */
public final class InvalidPlanException extends RuntimeException {
    private final String summary;
    private final List<PlanProblem> problems;
    private final boolean stale;

    public InvalidPlanException(String summary, List<PlanProblem> problems, boolean stale) {
        super(summary + ": " + (problems.isEmpty() ? "no details" : problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "")));
        this.summary = summary;
        this.problems = List.copyOf(problems);
        this.stale = stale;
    }

    /** The message without the problems, e.g. "plan transfer_plan.json is invalid (3 problems); nothing was changed". */
    public String summary() {
        return summary;
    }

    public List<PlanProblem> problems() {
        return problems;
    }

    /** True when the plan is well-formed but the domains have changed since it was made. */
    public boolean stale() {
        return stale;
    }
}
