package dev.switchboard.core.plan;

/**
 * The work for one entry: all of that entry's steps, in order. Called on a scheduler worker thread.
 *
 * @param <E> the entry type
 * @param <R> the result type
 */
@FunctionalInterface
public interface EntryWork<E, R> {
    R run(E entry) throws Exception;
}
