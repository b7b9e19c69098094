package dev.switchboard.core.plan;

/**
 * Observes an {@link EntryScheduler} run. Calls come from worker threads but never overlap (the
 * scheduler serialises them), and the {@link Progress} passed to successive calls only grows, so a
 * listener can update a progress line without its own locking. Keep the calls short: workers wait for
 * them. A listener should not throw; if it does, the scheduler stops taking new entries.
 *
 * @param <E> the entry type
 * @param <R> the result type of the work
 */
public interface ProgressListener<E, R> {
    /** A listener that ignores everything. */
    static <E, R> ProgressListener<E, R> none() {
        return new ProgressListener<>() {
        };
    }

    /** Entry {@code index} is about to run. Called in list order. */
    default void started(int index, E entry, Progress progress) {
    }

    /** An entry finished ({@link EntryOutcome.Succeeded} or {@link EntryOutcome.Failed}). */
    default void finished(EntryOutcome<E, R> outcome, Progress progress) {
    }

    /** The first stop request of the run: no new entries will start; running ones will finish. */
    default void stopRequested(String reason, Progress progress) {
    }
}
