package dev.switchboard.core.http;

/**
 * Reads a provider's error body into its stable type and human text. One per provider, since each
 * shapes its errors differently. Implementations must not throw: an unreadable body gives
 * {@link DecodedError#EMPTY} or a best-effort text.
 */
@FunctionalInterface
public interface ErrorDecoder {

    DecodedError decode(int status, String body);

    /** The stable type and human text of an error body; either may be null. */
    record DecodedError(String errorType, String info) {
        public static final DecodedError EMPTY = new DecodedError(null, null);
    }

    /** A decoder for bodies it does not understand: keeps the first line of the body as text. */
    static ErrorDecoder plainText() {
        return (status, body) -> {
            if (body == null || body.isBlank()) {
                return DecodedError.EMPTY;
            }
            String firstLine = body.strip().lines().findFirst().orElse("");
            return new DecodedError(null, firstLine.length() > 200 ? firstLine.substring(0, 200) + "..." : firstLine);
        };
    }
}
