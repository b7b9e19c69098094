package dev.switchboard.core.http;

/** The provider answered 5xx on an idempotent request after every retry. */
public final class ServerException extends ApiException {
    public ServerException(ApiError error, Throwable cause) {
        super(error, null, cause);
    }
}
