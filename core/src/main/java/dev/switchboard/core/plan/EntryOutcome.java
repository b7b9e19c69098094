package dev.switchboard.core.plan;

/**
 * What happened to one entry of an {@link EntryScheduler} run. {@code index} is the entry's position
 * in the input list.
 *
 * @param <E> the entry type
 * @param <R> the result type of the work
 */
public sealed interface EntryOutcome<E, R> {
    int index();

    E entry();

    /** The work returned {@code value}. */
    record Succeeded<E, R>(int index, E entry, R value) implements EntryOutcome<E, R> {
    }

    /** The work threw {@code error}. */
    record Failed<E, R>(int index, E entry, Throwable error) implements EntryOutcome<E, R> {
    }

    /** The entry was never started because a stop was requested first. */
    record NotStarted<E, R>(int index, E entry) implements EntryOutcome<E, R> {
    }
}
