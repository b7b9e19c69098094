package dev.switchboard.core.engine;

/** How one action ended in this run ({@link Engine#perform}). */
public sealed interface StepOutcome {
    record Done() implements StepOutcome {
    }

    /** Definitely not applied; {@code retryable}: a later run may try again. */
    record Failed(String error, boolean retryable) implements StepOutcome {
    }

    /** Could not be settled by reading state. */
    record Unresolved(String reason) implements StepOutcome {
    }
}
