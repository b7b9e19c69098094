package dev.switchboard.daily.migration;

/**
 * One thing wrong with a plan, tied to the entry it concerns ({@code entry} is the plan key, or
 * {@code "(plan)"} for the file as a whole). {@link #toString()} is the one-line form printed to users.
 */
public record PlanProblem(String entry, String message) {
    /** The pseudo-entry naming the plan as a whole. */
    public static final String WHOLE_PLAN = "(plan)";

    @Override
    public String toString() {
        return entry + ": " + message;
    }
}
