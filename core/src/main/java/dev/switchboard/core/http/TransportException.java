package dev.switchboard.core.http;

/**
 * No usable answer arrived: I/O errors or timeouts on an idempotent request after every retry, a
 * connection that could not be opened (nothing was sent) after every retry, or an interrupted wait.
 */
public final class TransportException extends ApiException {
    public TransportException(ApiError error, Throwable cause) {
        super(error, cause == null ? null : describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null || text.isBlank() ? "" : " " + text);
    }
}
