package dev.switchboard.core.engine;

/**
 * Thrown by {@link Action#execute} when the action proved it did not act (a check before the call failed,
 * or the provider's answer says so), with the reason to journal and show. Never ambiguous.
 */
public class ActionFailedException extends RuntimeException {
    public ActionFailedException(String reason) {
        super(reason);
    }
}
