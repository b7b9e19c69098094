package dev.switchboard.daily.migration;

/**
 * Observes every step boundary of apply and rollback, on the worker thread running the entry. Tests use
 * it to "crash" a run at any boundary by throwing an {@link Error}: the engine never catches errors, so
 * nothing more is journaled and the run aborts as a killed process would. Must be thread-safe when
 * entries run concurrently.
 */
@FunctionalInterface
public interface StepListener {
    /** The points of one step, in order. */
    enum Boundary {
        /** Before the step's BEGIN record is written. */
        BEFORE_BEGIN,
        /** BEGIN is durable; the provider call is next. */
        AFTER_BEGIN,
        /** The provider call returned (or was reconciled as applied); DONE is not written yet. */
        AFTER_CALL,
        /** DONE is durable. */
        AFTER_DONE
    }

    void at(String entry, String step, Boundary boundary);

    static StepListener none() {
        return (entry, step, boundary) -> { };
    }
}
