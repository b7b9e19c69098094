package dev.switchboard.daily;

import dev.switchboard.core.http.ApiError;
import dev.switchboard.core.http.InvalidRequestException;

/**
 * Daily refused to release a number (422), typically because it was bought less than 14 days ago. The
 * number is still owned and its dial-in config untouched.
 */
public final class ReleaseLockedException extends InvalidRequestException {
    public ReleaseLockedException(ApiError error, Throwable cause) {
        super(error, cause);
    }
}
