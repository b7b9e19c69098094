package dev.switchboard.core.http;

/** The provider kept answering 429 after every retry. */
public final class RateLimitedException extends ApiException {
    public RateLimitedException(ApiError error, Throwable cause) {
        super(error, null, cause);
    }
}
