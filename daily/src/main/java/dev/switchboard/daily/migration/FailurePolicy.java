package dev.switchboard.daily.migration;

/**
 * What to do when a step fails after the entry has already changed something (the number moved, or a
 * config was removed or created): roll the entry back, or leave it for a later resume or a person.
 * Called on the worker thread running the entry; an implementation that prompts must serialise itself.
 */
@FunctionalInterface
public interface FailurePolicy {
    enum Decision { ROLLBACK, LEAVE }

    /** @param step the failed step's journal name; {@code error} its one-line reason */
    Decision decide(PlanEntry entry, String step, String error);

    static FailurePolicy always(Decision decision) {
        return (entry, step, error) -> decision;
    }
}
