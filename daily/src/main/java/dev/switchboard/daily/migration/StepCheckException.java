package dev.switchboard.daily.migration;

import dev.switchboard.core.engine.ActionFailedException;

/** A step's own check failed (e.g. the created config differs from the plan): a clean, known failure. */
final class StepCheckException extends ActionFailedException {
    StepCheckException(String message) {
        super(message);
    }
}
