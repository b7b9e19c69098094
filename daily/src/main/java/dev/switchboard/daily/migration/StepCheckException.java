package dev.switchboard.daily.migration;

/** A step's own check failed (e.g. the created config differs from the plan): a clean, known failure. */
final class StepCheckException extends RuntimeException {
    StepCheckException(String message) {
        super(message);
    }
}
