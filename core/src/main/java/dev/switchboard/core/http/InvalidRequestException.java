package dev.switchboard.core.http;

/**
 * The provider refused the request as invalid (400, 422 and any other 4xx not covered by a more specific
 * type). Non-sealed so a provider client can name a specific refusal (for example Daily's release lock).
 */
public non-sealed class InvalidRequestException extends ApiException {
    public InvalidRequestException(ApiError error, Throwable cause) {
        super(error, null, cause);
    }
}
