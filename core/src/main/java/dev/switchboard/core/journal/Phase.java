package dev.switchboard.core.journal;

/** Where a step of an entry stands, as recorded in the {@link Journal}. */
public enum Phase {
    /** About to perform the step. Written (durably) before the side effect starts. */
    BEGIN,
    /** The step's effect is confirmed. */
    DONE,
    /** The step definitely did not take effect (a clean, known failure). */
    FAILED,
    /** The step may or may not have taken effect (timeout, 5xx, reset); reconcile by reading state. */
    UNKNOWN;

    /** Whether this last-known phase leaves the step's outcome unknown (BEGIN without an end, or UNKNOWN). */
    public boolean isAmbiguous() {
        return this == BEGIN || this == UNKNOWN;
    }
}
