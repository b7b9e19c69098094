package dev.switchboard.core.engine;

/**
 * Observes every step boundary, on the worker running the entry. Crash tests throw an {@link Error} from
 * it: the engine never catches errors, so nothing more is journaled, as when the process is killed.
 */
@FunctionalInterface
public interface StepHook {
    StepHook NONE = (entry, step, boundary) -> { };

    /** The points of one step, in order. */
    enum Boundary {
        /** Before the BEGIN record is written. */
        BEFORE_BEGIN,
        /** BEGIN is durable; the provider call is next. */
        AFTER_BEGIN,
        /** The call returned (or reading state found it applied); DONE is not written yet. */
        AFTER_CALL,
        /** DONE is durable. */
        AFTER_DONE
    }

    void at(String entry, String step, Boundary boundary);
}
