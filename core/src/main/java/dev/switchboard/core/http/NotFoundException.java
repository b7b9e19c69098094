package dev.switchboard.core.http;

/** The resource does not exist (404). See {@link #afterAmbiguousAttempt()} for retried deletes. */
public final class NotFoundException extends ApiException {
    public NotFoundException(ApiError error, Throwable cause) {
        super(error, null, cause);
    }
}
