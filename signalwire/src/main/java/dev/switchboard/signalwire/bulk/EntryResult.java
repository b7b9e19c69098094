package dev.switchboard.signalwire.bulk;

/**
 * What a bulk apply did with one entry. {@code entry} is the number (E.164) for purchases and the number id
 * for updates; {@code numberId} is the number's id once known; {@code detail} says why an entry failed or
 * is unknown, or that it was found done from an earlier run.
 */
public record EntryResult(String entry, String number, Outcome outcome, String numberId, String detail) {

    /** The closed set of per-entry outcomes. */
    public enum Outcome {
        /** Done in this run. */
        DONE,
        /** Done by an earlier run (journal or reconciliation); nothing was sent again. */
        ALREADY_DONE,
        /** Definitely not done (the provider refused it). */
        FAILED,
        /** May or may not have taken effect; run again to reconcile. */
        UNKNOWN,
        /** Not started because the run stopped first; run again to resume. */
        NOT_STARTED;

        public boolean isComplete() {
            return this == DONE || this == ALREADY_DONE;
        }
    }
}
