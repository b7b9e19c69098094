package dev.switchboard.core.http;

/** The credential was rejected (401) or lacks permission (403). */
public final class AuthenticationException extends ApiException {
    public AuthenticationException(ApiError error, Throwable cause) {
        super(error, null, cause);
    }
}
