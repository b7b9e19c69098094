package dev.switchboard.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What the engine did with one entry. {@code step} is where it stopped (null when it finished),
 * {@code detail} why; {@code done} holds the DONE data of each done step (ids to print).
 */
public record EntryReport<S>(String key, S subject, Status status, String step, String detail,
                             Map<String, JsonNode> done) {
    public EntryReport {
        done = Map.copyOf(done);
    }

    /** The closed set of entry outcomes. */
    public enum Status {
        /** Every action done, some in this run. */
        DONE,
        /** Every action was done by an earlier run; nothing was sent. */
        ALREADY_DONE,
        /** A step definitely did not take effect. */
        FAILED,
        /** A step may or may not have taken effect and reading state could not tell: run again or look. */
        UNKNOWN,
        /** The done steps were undone by their inverses. */
        ROLLED_BACK,
        /** Undoing stopped at {@code step}. */
        ROLLBACK_FAILED,
        /** Some steps done and the next not begun: a run stopped between steps (only from the journal). */
        STARTED,
        /** Not started because the run stopped first. */
        NOT_STARTED
    }
}
