package dev.switchboard.core.http;

/**
 * A non-idempotent request (transfer, buy, create) failed after it may have been sent: a 5xx, a
 * timeout, or a connection reset or closed before the answer. The provider may or may not have acted on
 * it, so it is never re-sent automatically; the caller must read the provider's state to find out.
 */
public final class UnknownOutcomeException extends ApiException {
    public UnknownOutcomeException(ApiError error, Throwable cause) {
        super(error, cause == null ? null : "outcome unknown after " + cause.getClass().getSimpleName(), cause);
    }
}
