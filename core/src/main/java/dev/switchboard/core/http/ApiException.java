package dev.switchboard.core.http;

/**
 * A provider call that did not succeed. The subclasses form a closed family so callers can switch on
 * the kind of failure; every one carries the {@link ApiError} details. Messages are one line and never
 * contain a credential, a request body or a query string.
 */
public abstract sealed class ApiException extends RuntimeException
        permits AuthenticationException, NotFoundException, InvalidRequestException, RateLimitedException,
        ServerException, UnknownOutcomeException, TransportException {

    private final ApiError error;

    protected ApiException(ApiError error, String fallbackText, Throwable cause) {
        super(error.describe(fallbackText), cause);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }

    /** HTTP status of the last response, or 0 when none arrived. */
    public int status() {
        return error.status();
    }

    /** The provider's stable error type (Daily's {@code error} field), or null. */
    public String errorType() {
        return error.errorType();
    }

    /** The provider's human-readable text (Daily's {@code info}), or null. Debug text only. */
    public String info() {
        return error.info();
    }

    public String method() {
        return error.method();
    }

    public String path() {
        return error.path();
    }

    /**
     * True when an earlier attempt of this same request ended ambiguously (5xx, timeout, reset) and was
     * retried. A 404 on a retried DELETE then most likely means the first attempt already deleted it.
     */
    public boolean afterAmbiguousAttempt() {
        return error.afterAmbiguousAttempt();
    }
}
