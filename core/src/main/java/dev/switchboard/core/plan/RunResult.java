package dev.switchboard.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of every entry of an {@link EntryScheduler} run, in input order, and why the run stopped
 * early if it did.
 *
 * @param outcomes   one per input entry, {@code outcomes.get(i).index() == i}
 * @param stopReason the first stop request's reason, if any was made
 */
public record RunResult<E, R>(List<EntryOutcome<E, R>> outcomes, Optional<String> stopReason) {
    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<EntryOutcome.Succeeded<E, R>> succeeded() {
        return outcomes.stream().<EntryOutcome.Succeeded<E, R>>mapMulti((outcome, matches) -> {
            if (outcome instanceof EntryOutcome.Succeeded<E, R> succeeded) {
                matches.accept(succeeded);
            }
        }).toList();
    }

    public List<EntryOutcome.Failed<E, R>> failed() {
        return outcomes.stream().<EntryOutcome.Failed<E, R>>mapMulti((outcome, matches) -> {
            if (outcome instanceof EntryOutcome.Failed<E, R> failed) {
                matches.accept(failed);
            }
        }).toList();
    }

    public List<EntryOutcome.NotStarted<E, R>> notStarted() {
        return outcomes.stream().<EntryOutcome.NotStarted<E, R>>mapMulti((outcome, matches) -> {
            if (outcome instanceof EntryOutcome.NotStarted<E, R> notStarted) {
                matches.accept(notStarted);
            }
        }).toList();
    }

    /** Whether every entry ran and succeeded. */
    public boolean allSucceeded() {
        return outcomes.stream().allMatch(EntryOutcome.Succeeded.class::isInstance);
    }
}
